import { Link, useParams } from 'react-router';
import { KindBadge, StatusBadge } from '../../components/Badge';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryStates';
import { formatCount, formatDateTime, formatPounds, formatWhen } from '../../lib/format';
import { useClick } from './hooks';

const VIA = { snippet: 'Tracking snippet', pixel: 'Pixel or redirect link', server: 'Your server' } as const;

export function ClickDetailPage() {
  const id = Number(useParams().id);
  const detail = useClick(id);

  if (detail.isPending) return <Loading label="Loading click…" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Click" />
        <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
      </>
    );
  }
  const { click, conversions } = detail.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/clicks">Clicks</Link> <span aria-hidden="true">›</span> {click.clickSessionID}
      </p>
      <PageHeader title={`Click ${click.clickSessionID}`} />
      <section className="panel" aria-labelledby="click-heading">
        <h2 id="click-heading">Click</h2>
        <dl className="details-list">
          <div className="details-wide">
            <dt>Landing page</dt>
            <dd className="cell-break">{click.landingUrl ?? '—'}</dd>
          </div>
          <div className="details-wide">
            <dt>Referrer</dt>
            <dd className="cell-break">{click.referrer ?? '—'}</dd>
          </div>
          <div>
            <dt>First seen</dt>
            <dd>{formatDateTime(click.firstSeenAt, { seconds: true })}</dd>
          </div>
          <div>
            <dt>Last seen</dt>
            <dd>{formatDateTime(click.lastSeenAt, { seconds: true })}</dd>
          </div>
          <div>
            <dt>Visits</dt>
            <dd>{formatCount(click.hits)}</dd>
          </div>
          <div>
            <dt>Captured by</dt>
            <dd>{VIA[click.via]}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="click-conversions-heading">
        <h2 id="click-conversions-heading">Conversions from this click ({conversions.length})</h2>
        {conversions.length === 0 ? (
          <EmptyState title="No conversions from this click yet" />
        ) : (
          <div className="table-scroll">
            <table className="table table-cards">
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Goal</th>
                  <th scope="col">Reference (mref)</th>
                  <th scope="col" className="cell-number">
                    Value
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Live or test</th>
                </tr>
              </thead>
              <tbody>
                {conversions.map((conversion) => (
                  <tr key={conversion.id}>
                    <td className="cell-nowrap" data-label="Created">
                      {formatWhen(conversion.createdAt)}
                    </td>
                    <td data-label="Goal">{conversion.goalName}</td>
                    <td className="cell-mono cell-primary">
                      <Link to={`/deliveries/${conversion.id}`}>{conversion.mref}</Link>
                    </td>
                    <td className="cell-number" data-label="Value">
                      {formatPounds(conversion.value)}
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={conversion.status} />
                    </td>
                    <td data-label="Live or test">
                      <KindBadge test={conversion.test} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
