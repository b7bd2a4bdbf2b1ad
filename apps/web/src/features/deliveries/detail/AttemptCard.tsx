import type { DeliveryAttemptResponse } from '@goalpost/contracts';
import { OutcomeBadge } from '../../../components/Badge';
import { ParamsTable } from '../../../components/ParamsTable';
import { formatDateTime, formatDuration } from '../../../lib/format';

const TRIGGER: Record<DeliveryAttemptResponse['trigger'], string> = {
  auto: 'Automatic',
  manual: 'Re-sent by hand',
  test: 'Test',
};

const KIND: Record<DeliveryAttemptResponse['kind'], string> = {
  send: 'Register goal',
  reconcile: 'Check Aflite already has it',
};

/** One call to Aflite: what was sent (key redacted) and exactly what came back. */
export function AttemptCard({ attempt, number }: { attempt: DeliveryAttemptResponse; number: number }) {
  return (
    <article className="attempt" aria-labelledby={`attempt-${attempt.id}`}>
      <header className="attempt-header">
        <h3 id={`attempt-${attempt.id}`}>
          Attempt {number}: {KIND[attempt.kind]}
        </h3>
        <OutcomeBadge outcome={attempt.outcome} label="Outcome" />
      </header>
      <dl className="details-list">
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={attempt.startedAt}>{formatDateTime(attempt.startedAt, { seconds: true })}</time>
          </dd>
        </div>
        <div>
          <dt>Trigger</dt>
          <dd>{TRIGGER[attempt.trigger]}</dd>
        </div>
        <div>
          <dt>Aflite status</dt>
          <dd>{attempt.statusCode ?? 'No answer'}</dd>
        </div>
        <div>
          <dt>Time taken</dt>
          <dd>{formatDuration(attempt.durationMs)}</dd>
        </div>
        {attempt.errorCode ? (
          <div>
            <dt>Error code</dt>
            <dd>
              <span className="cell-mono">{attempt.errorCode}</span>
            </dd>
          </div>
        ) : null}
        {attempt.reason ? (
          <div className="details-wide">
            <dt>Why</dt>
            <dd>{attempt.reason}</dd>
          </div>
        ) : null}
      </dl>
      <h4>Request</h4>
      <p className="request-line cell-mono">
        <span className="request-method">{attempt.method}</span> {attempt.url}
      </p>
      <ParamsTable params={attempt.params} />
      <h4>Aflite&rsquo;s answer</h4>
      {attempt.responseBody ? (
        <pre className="response-body" tabIndex={0} aria-label={`Response body of attempt ${number}`}>
          {attempt.responseBody}
        </pre>
      ) : (
        <p className="muted">{attempt.statusCode === null ? 'No answer was received.' : 'The answer was empty.'}</p>
      )}
    </article>
  );
}
