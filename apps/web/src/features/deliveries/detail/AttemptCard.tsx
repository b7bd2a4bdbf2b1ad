import type { DeliveryAttemptResponse } from '@goalpost/contracts';
import { OutcomeBadge } from '../../../components/Badge';
import { ParamsTable } from '../../../components/ParamsTable';
import { formatDateTimeWithZone, formatDuration } from '../../../lib/format';

const TRIGGER: Record<DeliveryAttemptResponse['trigger'], string> = {
  auto: 'Automatic',
  manual: 'Re-sent by hand',
  test: 'Test',
};

const KIND: Record<DeliveryAttemptResponse['kind'], string> = {
  send: 'Register goal',
  reconcile: 'Check Aflite already has it',
};

/** "HTTP 200", or what happened instead of an answer. */
function answerSummary(attempt: DeliveryAttemptResponse): string {
  if (attempt.statusCode !== null) return `HTTP ${attempt.statusCode}`;
  return attempt.outcome === 'in-flight' ? 'Waiting for an answer' : 'No answer';
}

/**
 * One call to Aflite, collapsed to a line (what, outcome, answer, when) that opens on what was sent (key
 * redacted) and exactly what came back. `number` counts from the first attempt, whatever order they are shown in.
 */
export function AttemptCard({ attempt, number }: { attempt: DeliveryAttemptResponse; number: number }) {
  return (
    <article className="attempt" aria-labelledby={`attempt-${attempt.id}`}>
      <details>
        <summary className="attempt-summary">
          <span className="attempt-headline">
            <span className="attempt-title" id={`attempt-${attempt.id}`}>
              Attempt {number}: {KIND[attempt.kind]}
            </span>
            <OutcomeBadge outcome={attempt.outcome} label="Outcome" />
          </span>
          <span className="attempt-facts">
            {answerSummary(attempt)} · <time dateTime={attempt.startedAt}>{formatDateTimeWithZone(attempt.startedAt, { seconds: true })}</time>
          </span>
        </summary>
        <div className="attempt-body">
          <dl className="details-list">
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
        </div>
      </details>
    </article>
  );
}
