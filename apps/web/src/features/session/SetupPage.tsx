import { useState } from 'react';
import { Navigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryStates';
import { AccountForm } from './AccountForm';
import { useSession } from './hooks';

/** First run: the dashboard has no admin yet. */
export function SetupPage() {
  const session = useSession();
  // Saving the new session re-renders this page before any navigation from the form's callback lands, so the
  // redirect itself has to know that the account was just created here: the next thing to do is Settings.
  const [offeredSetup, setOfferedSetup] = useState(false);
  if (session.data?.setupRequired && !offeredSetup) setOfferedSetup(true);

  if (session.isPending) return <Loading label="Checking your session…" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data.setupRequired) {
    const next = !session.data.user ? '/sign-in' : offeredSetup ? '/settings' : '/';
    return <Navigate to={next} replace />;
  }

  return (
    <div className="auth-card">
      <PageHeader
        title="Create your admin account"
        description="Welcome to Goalpost. This account manages your Aflite tracking; you will use it to sign in from now on."
      />
      <AccountForm mode="setup" />
    </div>
  );
}
