import type { SettingsResponse } from '@goalpost/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { InlineError } from '../../components/QueryStates';
import { useUpdateSettings } from './hooks';
import { SETTINGS_FIELDS, changesFrom, formValuesFrom, type SettingsField, type SettingsFormValues } from './settings-form-values';

const fieldId = (field: SettingsField) => `settings-${field}`;

export function SettingsForm({ settings }: { settings: SettingsResponse }) {
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesFrom(settings));
  const [notice, setNotice] = useState<string | null>(null);
  const update = useUpdateSettings();
  const apiError = update.error instanceof ApiError ? update.error : null;

  const errorFor = (field: SettingsField) => apiError?.fieldMessage(field);
  const managedBy = (field: SettingsField) => settings.environmentManaged[field];
  const set = (field: SettingsField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const unplaced = apiError ? apiError.otherFieldMessages(SETTINGS_FIELDS) : [];
  /** The field's own hint, or what an environment-managed field says instead: where its value comes from. */
  const hintFor = (field: SettingsField, hint?: ReactNode): ReactNode => {
    const variable = managedBy(field);
    if (!variable) return hint;
    return (
      <>
        Set by the environment variable <code>{variable}</code>: change it there and restart Goalpost.
      </>
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    update.reset();
    const changes = changesFrom(values, settings);
    if (Object.keys(changes).length === 0) {
      setNotice('Nothing has changed.');
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        setValues((v) => ({ ...v, afliteApiKey: '' }));
        setNotice('Settings saved.');
      },
      onError: (error) => {
        // Every problem is listed at once; start the admin at the first one, in the order of the form.
        const first = error instanceof ApiError ? SETTINGS_FIELDS.find((field) => error.fieldMessage(field)) : undefined;
        if (first) document.getElementById(fieldId(first))?.focus();
      },
    });
  };

  const text = (field: SettingsField, label: string, hint?: string, extra: Record<string, string> = {}) => (
    <FormField id={fieldId(field)} label={label} hint={hintFor(field, hint)} error={errorFor(field)}>
      {(control) => <input {...control} {...extra} readOnly={Boolean(managedBy(field))} value={values[field]} onChange={set(field)} />}
    </FormField>
  );

  const list = (field: 'allowedOrigins' | 'redirectHosts', label: string, hint: string) => (
    <FormField id={fieldId(field)} label={label} hint={hintFor(field, hint)} error={errorFor(field)}>
      {(control) => <textarea {...control} rows={3} readOnly={Boolean(managedBy(field))} value={values[field]} onChange={set(field)} />}
    </FormField>
  );

  const managedFields = SETTINGS_FIELDS.filter((field) => managedBy(field));
  const problemCount = new Set(apiError?.fields.map((f) => f.field.split('.')[0])).size;

  return (
    <form className="form settings-form" onSubmit={submit} noValidate>
      {managedFields.length ? (
        <p className="muted">
          {managedFields.length === 1 ? 'One setting comes' : `${managedFields.length} settings come`} from this server’s environment and cannot be changed
          here; Goalpost applies them at every start.
        </p>
      ) : null}
      <fieldset className="panel">
        <legend>Aflite account</legend>
        <p className="key-status">
          Aflite API key: <strong>{settings.afliteApiKeySet ? `set, ending in ${settings.afliteApiKeyLast4 ?? '····'}` : 'not set'}</strong>
        </p>
        <FormField
          id={fieldId('afliteApiKey')}
          label={settings.afliteApiKeySet ? 'Replace API key' : 'Aflite API key'}
          hint={hintFor(
            'afliteApiKey',
            settings.afliteApiKeySet
              ? 'Leave empty to keep the current key. It is stored encrypted and never shown again.'
              : 'Deliveries wait until a key is set. Find it in the Aflite merchant interface.',
          )}
          error={errorFor('afliteApiKey')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="off"
              readOnly={Boolean(managedBy('afliteApiKey'))}
              placeholder={managedBy('afliteApiKey') ? '' : settings.afliteApiKeySet ? 'New key' : 'Paste your Aflite API key'}
              value={values.afliteApiKey}
              onChange={set('afliteApiKey')}
            />
          )}
        </FormField>
        {text('afliteMid', 'Merchant ID (mid)', 'Your merchant ID at Aflite. Required with an API key.')}
        {text('afliteBaseUrl', 'Aflite address', 'Where Aflite receives goals. Use https:// if Aflite supports it for you.', { type: 'url' })}
        <fieldset className="radio-group" aria-describedby="settings-method-hint">
          <legend>Send goals with</legend>
          {(['GET', 'POST'] as const).map((method, i) => (
            <label key={method} className="radio">
              <input
                type="radio"
                name="afliteMethod"
                id={i === 0 ? fieldId('afliteMethod') : undefined}
                value={method}
                disabled={Boolean(managedBy('afliteMethod'))}
                checked={values.afliteMethod === method}
                onChange={set('afliteMethod')}
              />
              {method === 'GET' ? 'GET (parameters in the address)' : 'POST (form-encoded body)'}
            </label>
          ))}
          <p className="field-hint" id="settings-method-hint">
            {hintFor('afliteMethod', 'Aflite accepts both.')}
          </p>
          {errorFor('afliteMethod') ? <p className="field-error">{errorFor('afliteMethod')}</p> : null}
        </fieldset>
      </fieldset>

      <fieldset className="panel">
        <legend>Retries</legend>
        <p className="muted">When Aflite does not answer or is busy, Goalpost tries again, waiting longer each time.</p>
        <div className="form-grid">
          {text('maxAttempts', 'Attempts before giving up', undefined, { inputMode: 'numeric' })}
          {text('retryBaseSeconds', 'First wait (seconds)', undefined, { inputMode: 'numeric' })}
          {text('retryMaxSeconds', 'Longest wait (seconds)', undefined, { inputMode: 'numeric' })}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>Click tracking</legend>
        <div className="form-grid">
          {text('attributionWindowDays', 'Attribution window (days)', 'How long after a click a goal still counts for the affiliate.', {
            inputMode: 'numeric',
          })}
          {text('cookieDomain', 'Cookie domain', 'e.g. .example.com to share the click cookie with your shop’s subdomains. Empty: this host only.')}
        </div>
        {list('allowedOrigins', 'Allowed origins (one per line)', 'Sites whose pages may send clicks and browser goals, e.g. https://www.example.com')}
        {list('redirectHosts', 'Redirect hosts (one per line)', 'Hosts the click redirect link may send visitors on to, e.g. www.example.com')}
      </fieldset>

      {unplaced.length ? (
        <p className="inline-error" role="alert">
          {unplaced.join(' ')}
        </p>
      ) : null}
      <InlineError error={apiError?.fields.length ? null : update.error} />
      {apiError?.fields.length ? (
        <p className="inline-error" role="alert">
          {problemCount === 1 ? 'One setting needs' : `${problemCount} settings need`} attention: see the messages above. Nothing was saved.
        </p>
      ) : null}
      <div className="button-row sticky-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
        <span role="status" className="muted">
          {notice}
        </span>
      </div>
    </form>
  );
}
