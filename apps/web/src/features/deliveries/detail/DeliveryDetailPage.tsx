import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { StatusBadge } from '../../../components/Badge';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, Loading } from '../../../components/QueryStates';
import { HoldBanner } from '../HoldNote';
import { useDelivery } from '../hooks';
import { AttemptCard } from './AttemptCard';
import { ConversionSummary } from './ConversionSummary';
import { ResendPanel } from './ResendPanel';
import { WATCH_LIMIT_MS, baselineOf, resendSettled, type ResendBaseline } from './watch-resend';
import '../deliveries.css';

export function DeliveryDetailPage() {
  const id = Number(useParams().id);
  const [baseline, setBaseline] = useState<ResendBaseline | null>(null);
  const delivery = useDelivery(id, {
    // After a re-send, look again every second until the outcome shows (or a minute passes).
    refetchInterval: (data) => (baseline && data && !resendSettled(baseline, data) ? 1000 : false),
  });
  const watching = Boolean(baseline && delivery.data && !resendSettled(baseline, delivery.data));

  useEffect(() => {
    if (!baseline) return;
    const timer = window.setTimeout(() => setBaseline(null), WATCH_LIMIT_MS);
    return () => window.clearTimeout(timer);
  }, [baseline]);

  if (!Number.isInteger(id) || id <= 0) return <ErrorState error={new Error('This is not a delivery address.')} />;
  if (delivery.isPending) return <Loading label="Loading delivery…" />;
  if (delivery.isError) {
    return (
      <>
        <PageHeader title="Delivery" />
        <ErrorState error={delivery.error} onRetry={() => delivery.refetch()} />
        <p>
          <Link to="/deliveries">Back to deliveries</Link>
        </p>
      </>
    );
  }

  const { conversion, click, attempts } = delivery.data;
  // The api re-sends only live conversions that failed or are still waiting.
  const resendable = !conversion.test && (conversion.status === 'failed' || conversion.status === 'pending');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/deliveries">Deliveries</Link> <span aria-hidden="true">›</span> {conversion.mref}
      </p>
      <PageHeader title={`Delivery ${conversion.mref}`} actions={<StatusBadge status={conversion.status} label="Status" />} />
      {conversion.hold ? <HoldBanner hold={conversion.hold} /> : null}
      <div className={resendable || watching ? 'detail-grid' : undefined}>
        <ConversionSummary conversion={conversion} click={click} />
        {resendable || watching ? <ResendPanel id={conversion.id} watching={watching} onQueued={() => setBaseline(baselineOf(delivery.data))} /> : null}
      </div>
      <section aria-labelledby="attempts-heading" className="attempts">
        <h2 id="attempts-heading">Attempts ({attempts.length})</h2>
        {attempts.length > 1 ? <p className="muted">Newest first. Open an attempt to see the request and Aflite&rsquo;s answer.</p> : null}
        {attempts.length === 0 ? (
          <p className="muted">
            {conversion.status === 'unattributed'
              ? 'Never sent: there was no Aflite click to attribute it to.'
              : 'Not sent yet. The first attempt appears here within a few seconds.'}
          </p>
        ) : (
          // The api lists them oldest first; numbered in that order, shown newest first.
          attempts.map((attempt, index) => <AttemptCard key={attempt.id} attempt={attempt} number={index + 1} />).reverse()
        )}
      </section>
    </>
  );
}
