import type { ClickResponse, DeliveryListItem } from '@goalpost/contracts';
import { Link } from 'react-router';
import { KindBadge } from '../../../components/Badge';
import { formatCount, formatDateTimeWithZone, formatPounds } from '../../../lib/format';

const ATTRIBUTION: Record<DeliveryListItem['attribution'], string> = {
  explicit: 'Click ID sent with the goal',
  cookie: "From the visitor's Goalpost cookie",
  none: 'No click found',
};

const SOURCE: Record<DeliveryListItem['source'], string> = {
  api: 'Server API',
  dropin: 'Drop-in register goal URL',
  browser: 'Browser snippet',
  dashboard: 'Dashboard',
};

export function ConversionSummary({ conversion, click }: { conversion: DeliveryListItem; click: ClickResponse | null }) {
  return (
    <section className="panel" aria-labelledby="conversion-heading">
      <h2 id="conversion-heading">Conversion</h2>
      <dl className="details-list">
        <div>
          <dt>Goal</dt>
          <dd>
            {conversion.goalName} <span className="muted">(Aflite goal {conversion.goalId})</span>
          </dd>
        </div>
        <div>
          <dt>Reference (mref)</dt>
          <dd>
            <span className="cell-mono">{conversion.mref}</span>
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>{formatPounds(conversion.value)}</dd>
        </div>
        <div>
          <dt>Live or test</dt>
          <dd>
            <KindBadge test={conversion.test} />
          </dd>
        </div>
        <div>
          <dt>Recorded</dt>
          <dd>
            <time dateTime={conversion.createdAt}>{formatDateTimeWithZone(conversion.createdAt, { seconds: true })}</time>
          </dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd>{formatDateTimeWithZone(conversion.deliveredAt, { seconds: true })}</dd>
        </div>
        {/* Only a retry waits for its time; a held or due delivery's stored time says nothing about when it goes. */}
        {conversion.hold?.reason === 'retry-wait' ? (
          <div>
            <dt>Next attempt</dt>
            <dd>
              <time dateTime={conversion.hold.until}>{formatDateTimeWithZone(conversion.hold.until, { seconds: true })}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Came from</dt>
          <dd>{SOURCE[conversion.source]}</dd>
        </div>
        <div>
          <dt>Attribution</dt>
          <dd>{ATTRIBUTION[conversion.attribution]}</dd>
        </div>
        <div className="details-wide">
          <dt>Click ID (clickSessionID)</dt>
          <dd>
            <span className="cell-mono">{click ? <Link to={`/clicks/${click.id}`}>{click.clickSessionID}</Link> : (conversion.clickSessionID ?? 'none')}</span>
          </dd>
        </div>
        {click ? (
          <>
            <div className="details-wide">
              <dt>Landing page</dt>
              <dd className="cell-break">{click.landingUrl ?? '—'}</dd>
            </div>
            <div>
              <dt>Click first seen</dt>
              <dd>{formatDateTimeWithZone(click.firstSeenAt)}</dd>
            </div>
            <div>
              <dt>Visits with this click</dt>
              <dd>{formatCount(click.hits)}</dd>
            </div>
          </>
        ) : null}
        {conversion.lastError ? (
          <div className="details-wide">
            <dt>Last error</dt>
            <dd className="text-bad">{conversion.lastError}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
