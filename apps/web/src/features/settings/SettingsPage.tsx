import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryStates';
import { useSettings } from './hooks';
import { SettingsForm } from './SettingsForm';
import './settings.css';

export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader title="Settings" description="Your Aflite account details and how Goalpost delivers and tracks." />
      <aside className="banner banner-info" aria-label="Reminder">
        <strong>Turn on “Append Variables” at Aflite.</strong>
        <p>
          Goalpost can only see Aflite clicks when Aflite adds <code>clickSource</code> and <code>clickSessionID</code> to your landing pages. Enable “Append
          Variables” in the{' '}
          <a href="http://aflite.co.uk" target="_blank" rel="noreferrer">
            Aflite merchant interface
          </a>
          .
        </p>
      </aside>
      {settings.isPending ? (
        <Loading label="Loading settings…" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}
