import { Navigate, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryStates';
import { AccountForm } from './AccountForm';
import { useSession } from './hooks';

/** First run: the dashboard has no admin yet. */
export function SetupPage() {
  const session = useSession();
  const navigate = useNavigate();

  if (session.isPending) return <Loading label="Checking your session…" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data.setupRequired) return <Navigate to={session.data.user ? '/' : '/sign-in'} replace />;

  return (
    <div className="auth-card">
      <PageHeader
        title="Create your admin account"
        description="Welcome to Goalpost. This account manages your Aflite tracking; you will use it to sign in from now on."
      />
      <AccountForm mode="setup" onDone={() => navigate('/settings', { replace: true })} />
    </div>
  );
}
