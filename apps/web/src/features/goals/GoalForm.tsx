import type { GoalRequest, GoalResponse } from '@goalpost/contracts';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { InlineError } from '../../components/QueryStates';
import { formatPounds } from '../../lib/format';

interface GoalFormProps {
  goal?: GoalResponse;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: GoalRequest) => void;
  onCancel?: () => void;
}

const FIELDS = ['afliteGoalId', 'name', 'defaultValue', 'allowBrowser', 'maxBrowserValue'] as const;

export function GoalForm({ goal, submitLabel, pending, error, onSubmit, onCancel }: GoalFormProps) {
  const id = useId();
  const [afliteGoalId, setAfliteGoalId] = useState(goal?.afliteGoalId ?? '');
  const [name, setName] = useState(goal?.name ?? '');
  const [defaultValue, setDefaultValue] = useState(goal?.defaultValue ?? '');
  const [allowBrowser, setAllowBrowser] = useState(goal?.allowBrowser ?? false);
  const [maxBrowserValue, setMaxBrowserValue] = useState(goal?.maxBrowserValue ?? '');
  const apiError = error instanceof ApiError ? error : null;
  const unplaced = apiError ? apiError.otherFieldMessages(FIELDS) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      afliteGoalId: afliteGoalId.trim(),
      name: name.trim(),
      defaultValue: defaultValue.trim() || null,
      allowBrowser,
      maxBrowserValue: maxBrowserValue.trim() || null,
    });
  };

  return (
    <form className="form goal-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <FormField id={`${id}-name`} label="Name" hint="What you call it, e.g. Sale or Newsletter sign-up." error={apiError?.fieldMessage('name')}>
          {(control) => <input {...control} required value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <FormField
          id={`${id}-aflite`}
          label="Aflite goal ID"
          hint="The goal's ID in your Aflite merchant interface."
          error={apiError?.fieldMessage('afliteGoalId')}
        >
          {(control) => <input {...control} required value={afliteGoalId} onChange={(e) => setAfliteGoalId(e.target.value)} />}
        </FormField>
        <FormField
          id={`${id}-value`}
          label="Default value (£)"
          hint="Used when a goal arrives without a value. Leave empty for none."
          error={apiError?.fieldMessage('defaultValue')}
        >
          {(control) => (
            <input {...control} inputMode="decimal" placeholder="e.g. 10.00" value={defaultValue} onChange={(e) => setDefaultValue(e.target.value)} />
          )}
        </FormField>
      </div>
      <div className="check-field">
        <input
          id={`${id}-browser`}
          type="checkbox"
          checked={allowBrowser}
          onChange={(e) => setAllowBrowser(e.target.checked)}
          aria-describedby={`${id}-browser-hint`}
        />
        <div>
          <label htmlFor={`${id}-browser`}>Allow this goal from the browser</label>
          <p className="field-hint" id={`${id}-browser-hint`}>
            Lets pages record it with <code>goalpost(&apos;goal&apos;, …)</code>. Anyone can call that from a browser, so leave it off for sales and record them
            from your server instead.
          </p>
          {apiError?.fieldMessage('allowBrowser') ? <p className="field-error">{apiError.fieldMessage('allowBrowser')}</p> : null}
        </div>
      </div>
      {allowBrowser ? (
        <FormField
          id={`${id}-max-browser`}
          label="Maximum value from the browser (£)"
          hint={
            <>
              A goal from the browser worth more than this is refused; record larger amounts from your server. Leave empty for ten times the default value, or
              £1,000.00 when there is none.{goal ? <> In force now: {formatPounds(goal.browserValueCap)}.</> : null}
            </>
          }
          error={apiError?.fieldMessage('maxBrowserValue')}
        >
          {(control) => (
            <input {...control} inputMode="decimal" placeholder="e.g. 250.00" value={maxBrowserValue} onChange={(e) => setMaxBrowserValue(e.target.value)} />
          )}
        </FormField>
      ) : null}
      {unplaced.length ? (
        <p className="inline-error" role="alert">
          {unplaced.join(' ')}
        </p>
      ) : (
        <InlineError error={apiError?.fields.length ? null : error} />
      )}
      <div className="dialog-footer">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
