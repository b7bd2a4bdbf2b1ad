import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/QueryStates';
import { AccountForm } from './AccountForm';
import { useSession } from './hooks';
import { safeNextPath } from './next-path';

export function SignInPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));

  if (session.isPending) return <Loading label="Checking your session…" />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (session.data.setupRequired) return <Navigate to="/setup" replace />;
  if (session.data.user) return <Navigate to={next} replace />;

  return (
    <div className="auth-card">
      <PageHeader title="Sign in" description="Sign in to your Goalpost dashboard." />
      <AccountForm mode="sign-in" onDone={() => navigate(next, { replace: true })} />
    </div>
  );
}
