import type { OverviewResponse } from '@goalpost/contracts';
import { Suspense, lazy } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryStates';
import { formatCount, formatDateTime, formatPence, toDateInputValue } from '../../lib/format';
import { useOverview } from './hooks';
import { PERIODS, readPeriod } from './periods';
import { UpstreamBanner } from './UpstreamBanner';
import './overview.css';

// Charts are most of the dashboard's weight: load them alongside the numbers, not before everything.
const OverviewCharts = lazy(() => import('./OverviewCharts'));

export function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params.get('period'));
  const overview = useOverview(period);

  return (
    <>
      <PageHeader
        title="Overview"
        description="How your Aflite tracking is doing."
        actions={
          <div className="field field-inline">
            <label htmlFor="overview-period">Period</label>
            <select id="overview-period" value={period} onChange={(e) => setParams({ period: e.target.value })}>
              {PERIODS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        }
      />
      {overview.isPending ? (
        <Loading label="Loading the overview…" />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => overview.refetch()} />
      ) : (
        <div className={overview.isPlaceholderData ? 'is-refreshing' : undefined}>
          <UpstreamBanner upstream={overview.data.upstream} />
          <p className="muted period-range">
            {formatDateTime(overview.data.from)} to {formatDateTime(overview.data.to)}
          </p>
          <Totals totals={overview.data.totals} from={overview.data.from} />
          <Suspense fallback={<Loading label="Loading charts…" />}>
            <OverviewCharts series={overview.data.series} bucket={overview.data.bucket} timeZone={overview.data.timeZone} />
          </Suspense>
        </div>
      )}
    </>
  );
}

/** The totals count live conversions created in the period: each card opens exactly those deliveries. */
function Totals({ totals, from }: { totals: OverviewResponse['totals']; from: string }) {
  const since = `from=${toDateInputValue(new Date(from))}&kind=live`;
  const cards: { label: string; value: string; to?: string; hint: string; tone?: string }[] = [
    { label: 'Clicks', value: formatCount(totals.clicks), to: '/clicks', hint: 'Visitors arriving from Aflite' },
    { label: 'Conversions', value: formatCount(totals.conversions), to: `/deliveries?${since}`, hint: 'Goals your site recorded' },
    { label: 'Delivered', value: formatCount(totals.delivered), to: `/deliveries?status=delivered&${since}`, hint: 'Accepted by Aflite', tone: 'good' },
    {
      label: 'Failed',
      value: formatCount(totals.failed),
      to: `/deliveries?status=failed&${since}`,
      hint: 'Refused, or every attempt failed',
      tone: totals.failed ? 'bad' : undefined,
    },
    { label: 'Pending', value: formatCount(totals.pending), to: `/deliveries?status=pending&${since}`, hint: 'Waiting to be sent' },
    { label: 'Unattributed', value: formatCount(totals.unattributed), to: `/deliveries?status=unattributed&${since}`, hint: 'No Aflite click found; not sent' },
    { label: 'Delivered value', value: formatPence(totals.deliveredValueMinor), hint: 'Live sales accepted by Aflite', tone: 'good' },
  ];
  return (
    <ul className="stat-cards" aria-label="Totals for the period">
      {cards.map((card) => (
        <li key={card.label} className={`stat-card${card.tone ? ` stat-card-${card.tone}` : ''}`}>
          <p className="stat-label">{card.label}</p>
          <p className="stat-value">{card.value}</p>
          <p className="stat-hint">{card.to ? <Link to={card.to}>{card.hint}</Link> : card.hint}</p>
        </li>
      ))}
    </ul>
  );
}
