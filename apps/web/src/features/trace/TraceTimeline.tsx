import type { SaleTraceConversion, SaleTraceResponse } from '@goalpost/contracts';
import { Link } from 'react-router';
import { Badge, OutcomeBadge, StatusBadge, type BadgeTone } from '../../components/Badge';
import { formatDateTime, formatPounds } from '../../lib/format';

const VERDICT_TONE: Record<SaleTraceConversion['reason'], BadgeTone> = {
  delivered: 'good',
  'no-click': 'bad',
  unattributed: 'bad',
  duplicate: 'warn',
  rejected: 'bad',
  held: 'warn',
  retrying: 'warn',
  pending: 'info',
  test: 'info',
};

/** Click, then each conversion with its attempts, then the verdict: the story of one sale, oldest step first. */
export function TraceTimeline({ trace }: { trace: SaleTraceResponse }) {
  return (
    <ol className="timeline">
      <li className={`timeline-step ${trace.click ? 'is-good' : 'is-missing'}`}>
        <h2 className="timeline-title">Click from Aflite</h2>
        {trace.click ? (
          <p>
            <Link to={`/clicks/${trace.click.id}`} className="cell-mono">
              {trace.click.clickSessionID}
            </Link>{' '}
            first seen {formatDateTime(trace.click.firstSeenAt)}
            {trace.click.landingUrl ? (
              <>
                {' '}
                on <span className="cell-break">{trace.click.landingUrl}</span>
              </>
            ) : null}
            .
          </p>
        ) : (
          <p>No Aflite click was found for this sale.</p>
        )}
      </li>
      {trace.conversions.length === 0 ? (
        <li className="timeline-step is-missing">
          <h2 className="timeline-title">Conversion</h2>
          <p>No goal was recorded{trace.click ? ' for this click' : ''}.</p>
        </li>
      ) : (
        trace.conversions.map((item) => <ConversionSteps key={item.conversion.id} item={item} />)
      )}
    </ol>
  );
}

function ConversionSteps({ item }: { item: SaleTraceConversion }) {
  const { conversion, attempts, verdict, reason } = item;
  return (
    <>
      <li className="timeline-step">
        <h2 className="timeline-title">
          Conversion <Link to={`/deliveries/${conversion.id}`}>{conversion.mref}</Link> <StatusBadge status={conversion.status} label="Status" />
        </h2>
        <p>
          {conversion.goalName}, {formatPounds(conversion.value)}, recorded {formatDateTime(conversion.createdAt)}
          {conversion.test ? ' (test)' : ''}.
        </p>
      </li>
      {attempts.map((attempt, index) => (
        <li key={attempt.id} className="timeline-step timeline-attempt">
          <h3 className="timeline-title">
            Attempt {index + 1} <OutcomeBadge outcome={attempt.outcome} label="Outcome" />
          </h3>
          <p>
            {formatDateTime(attempt.startedAt, { seconds: true })}: {attempt.kind === 'reconcile' ? 'asked Aflite whether it already had it' : 'sent to Aflite'}
            {attempt.statusCode !== null ? `, answer ${attempt.statusCode}` : ', no answer'}
            {attempt.reason ? ` — ${attempt.reason}` : ''}.
          </p>
        </li>
      ))}
      <li className={`timeline-step timeline-verdict is-${VERDICT_TONE[reason]}`}>
        <h3 className="timeline-title">
          Outcome <Badge tone={VERDICT_TONE[reason]}>{reason === 'delivered' ? 'Delivered' : reason === 'test' ? 'Test' : 'Needs a look'}</Badge>
        </h3>
        <p className="verdict">{verdict}</p>
      </li>
    </>
  );
}
