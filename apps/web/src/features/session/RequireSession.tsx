import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../../components/QueryStates';
import { useSession } from './hooks';
import { signInPath } from './next-path';

/** Pages behind sign-in: a signed-out visitor goes to sign in and comes back to the same address afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Loading label="Checking your session…" />;
  if (session.isError) return <ErrorState error={session.error} title="Goalpost is not answering" onRetry={() => session.refetch()} />;
  if (session.data.setupRequired) return <Navigate to="/setup" replace />;
  if (!session.data.user) return <Navigate to={signInPath(location)} replace />;
  return <>{children}</>;
}
