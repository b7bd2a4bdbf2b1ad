import type { SettingsResponse } from '@goalpost/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { InlineError } from '../../components/QueryStates';
import { useUpdateSettings } from './hooks';
import { SETTINGS_FIELDS, changesFrom, formValuesFrom, type SettingsField, type SettingsFormValues } from './settings-form-values';

export function SettingsForm({ settings }: { settings: SettingsResponse }) {
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesFrom(settings));
  const [localErrors, setLocalErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const update = useUpdateSettings();
  const apiError = update.error instanceof ApiError ? update.error : null;

  const errorFor = (field: SettingsField) => localErrors[field] ?? apiError?.fieldMessage(field);
  const set = (field: SettingsField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const unplaced = apiError ? apiError.otherFieldMessages(SETTINGS_FIELDS) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    update.reset();
    const { changes, errors } = changesFrom(values, settings);
    setLocalErrors(errors);
    if (Object.keys(errors).length) return;
    if (Object.keys(changes).length === 0) {
      setNotice('Nothing has changed.');
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        setValues((v) => ({ ...v, afliteApiKey: '' }));
        setNotice('Settings saved.');
      },
    });
  };

  const text = (field: SettingsField, label: string, hint?: string, extra: Record<string, string> = {}) => (
    <FormField id={`settings-${field}`} label={label} hint={hint} error={errorFor(field)}>
      {(control) => <input {...control} {...extra} value={values[field]} onChange={set(field)} />}
    </FormField>
  );

  return (
    <form className="form settings-form" onSubmit={submit} noValidate>
      <fieldset className="panel">
        <legend>Aflite account</legend>
        <p className="key-status">
          Aflite API key: <strong>{settings.afliteApiKeySet ? `set, ending in ${settings.afliteApiKeyLast4 ?? '····'}` : 'not set'}</strong>
        </p>
        <FormField
          id="settings-afliteApiKey"
          label={settings.afliteApiKeySet ? 'Replace API key' : 'Aflite API key'}
          hint={
            settings.afliteApiKeySet
              ? 'Leave empty to keep the current key. It is stored encrypted and never shown again.'
              : 'Deliveries wait until a key is set. Find it in the Aflite merchant interface.'
          }
          error={errorFor('afliteApiKey')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="off"
              placeholder={settings.afliteApiKeySet ? 'New key' : 'Paste your Aflite API key'}
              value={values.afliteApiKey}
              onChange={set('afliteApiKey')}
            />
          )}
        </FormField>
        {text('afliteMid', 'Merchant ID (mid)', 'Your merchant ID at Aflite.')}
        {text('afliteBaseUrl', 'Aflite address', 'Where Aflite receives goals. Use https:// if Aflite supports it for you.', { type: 'url' })}
        <fieldset className="radio-group" aria-describedby="settings-method-hint">
          <legend>Send goals with</legend>
          {(['GET', 'POST'] as const).map((method) => (
            <label key={method} className="radio">
              <input type="radio" name="afliteMethod" value={method} checked={values.afliteMethod === method} onChange={set('afliteMethod')} />
              {method === 'GET' ? 'GET (parameters in the address)' : 'POST (form-encoded body)'}
            </label>
          ))}
          <p className="field-hint" id="settings-method-hint">
            Aflite accepts both.
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
        <FormField
          id="settings-allowedOrigins"
          label="Allowed origins (one per line)"
          hint="Sites whose pages may send clicks and browser goals, e.g. https://www.example.com"
          error={errorFor('allowedOrigins')}
        >
          {(control) => <textarea {...control} rows={3} value={values.allowedOrigins} onChange={set('allowedOrigins')} />}
        </FormField>
        <FormField
          id="settings-redirectHosts"
          label="Redirect hosts (one per line)"
          hint="Hosts the click redirect link may send visitors on to, e.g. www.example.com"
          error={errorFor('redirectHosts')}
        >
          {(control) => <textarea {...control} rows={3} value={values.redirectHosts} onChange={set('redirectHosts')} />}
        </FormField>
      </fieldset>

      {unplaced.length ? (
        <p className="inline-error" role="alert">
          {unplaced.join(' ')}
        </p>
      ) : null}
      <InlineError error={apiError?.fields.length ? null : update.error} />
      {Object.keys(localErrors).length || apiError?.fields.length ? (
        <p className="inline-error" role="alert">
          Some settings need attention: see the messages above.
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
