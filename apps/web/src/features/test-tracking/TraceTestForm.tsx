import type { GoalResponse } from '@goalpost/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { OutcomeBadge } from '../../components/Badge';
import { FormField } from '../../components/FormField';
import { InlineError } from '../../components/QueryStates';
import { formatDuration } from '../../lib/format';
import { latestClickQuery } from '../clicks/hooks';
import { useSendTraceTest } from './hooks';
import { RequestView } from './RequestView';

const FIELDS = ['goalId', 'clickSessionID', 'value', 'mref'] as const;

interface TraceTestFormProps {
  goals: GoalResponse[];
  clickSessionID: string;
  onClickSessionIDChange: (value: string) => void;
}

export function TraceTestForm({ goals, clickSessionID, onClickSessionIDChange }: TraceTestFormProps) {
  const queryClient = useQueryClient();
  const send = useSendTraceTest();
  const [goalId, setGoalId] = useState(goals[0]?.afliteGoalId ?? '');
  const [value, setValue] = useState('');
  const [mref, setMref] = useState('');
  const [latest, setLatest] = useState<{ loading: boolean; message: string | null }>({ loading: false, message: null });
  const apiError = send.error instanceof ApiError ? send.error : null;
  const goal = goals.find((g) => g.afliteGoalId === goalId);

  const fillLatestClick = async () => {
    setLatest({ loading: true, message: null });
    try {
      const click = await queryClient.fetchQuery(latestClickQuery());
      if (click) onClickSessionIDChange(click.clickSessionID);
      setLatest({ loading: false, message: click ? null : 'No click has been captured yet. Open your landing test link first.' });
    } catch (error) {
      setLatest({ loading: false, message: errorMessage(error) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate({ goalId, clickSessionID: clickSessionID.trim(), value: value.trim() || undefined, mref: mref.trim() || undefined });
  };

  return (
    <section className="panel" aria-labelledby="trace-test-heading">
      <h2 id="trace-test-heading">Send a test conversion</h2>
      <p className="muted">
        Sent at once with <code>traceOnly=1</code>: it appears in Aflite&rsquo;s Trace Report, is never recorded as a sale and is never counted as revenue here.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <FormField id="test-goal" label="Goal" error={apiError?.fieldMessage('goalId')}>
            {(control) => (
              <select {...control} value={goalId} onChange={(e) => setGoalId(e.target.value)}>
                {goals.map((g) => (
                  <option key={g.id} value={g.afliteGoalId}>
                    {g.name} ({g.afliteGoalId})
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="test-value"
            label="Value (£)"
            hint={goal?.defaultValue ? `Empty: the goal's default, £${goal.defaultValue}.` : 'e.g. 10.99'}
            error={apiError?.fieldMessage('value')}
          >
            {(control) => <input {...control} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
          </FormField>
        </div>
        <FormField id="test-click" label="Click ID (clickSessionID)" error={apiError?.fieldMessage('clickSessionID') ?? latest.message ?? undefined}>
          {(control) => (
            <div className="input-with-button">
              <input {...control} className="cell-mono" required value={clickSessionID} onChange={(e) => onClickSessionIDChange(e.target.value)} />
              <button type="button" className="button" onClick={fillLatestClick} disabled={latest.loading}>
                {latest.loading ? 'Looking…' : 'Use latest captured click'}
              </button>
            </div>
          )}
        </FormField>
        <FormField id="test-mref" label="Order reference (optional)" hint="Empty: Goalpost makes up a TEST-… reference." error={apiError?.fieldMessage('mref')}>
          {(control) => <input {...control} className="cell-mono" value={mref} onChange={(e) => setMref(e.target.value)} />}
        </FormField>
        {apiError?.otherFieldMessages(FIELDS).length ? <p className="inline-error">{apiError.otherFieldMessages(FIELDS).join(' ')}</p> : null}
        <InlineError error={apiError?.fields.length ? null : send.error} />
        <button type="submit" className="button button-primary" disabled={send.isPending || !goalId}>
          {send.isPending ? 'Sending…' : 'Send test conversion'}
        </button>
      </form>
      {send.data ? (
        <section className="test-result" aria-labelledby="trace-test-result-heading">
          <div className="test-result-header">
            <h3 id="trace-test-result-heading">Result</h3>
            <OutcomeBadge outcome={send.data.attempt.outcome} label="Outcome" />
          </div>
          <p>
            Test conversion <Link to={`/deliveries/${send.data.conversion.id}`}>{send.data.conversion.mref}</Link>, answered in{' '}
            {formatDuration(send.data.attempt.durationMs)}.{send.data.attempt.reason ? ` ${send.data.attempt.reason}` : ''}
          </p>
          <RequestView
            method={send.data.attempt.method}
            url={send.data.attempt.url}
            params={send.data.attempt.params}
            status={send.data.attempt.statusCode}
            body={send.data.attempt.responseBody}
          />
        </section>
      ) : null}
    </section>
  );
}
