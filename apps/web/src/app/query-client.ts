import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfTokenSource } from '../api/client';
import { auditKeys } from '../features/audit/keys';
import { sessionQuery } from '../features/session/hooks';
import { sessionKeys } from '../features/session/keys';

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 anywhere means the session ended (expired, signed out in another tab): re-read it so the
      // guard sends the admin to sign in, and back here afterwards.
      onError: (error, query) => {
        if (error instanceof ApiError && error.isUnauthorised && query.queryKey[0] !== sessionKeys.all[0]) {
          void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (error instanceof ApiError && error.isUnauthorised) void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      },
      // The api writes an audit entry for every admin change, so any successful change makes the log stale.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });

  setCsrfTokenSource(async ({ refresh }) => {
    const session = refresh ? await queryClient.fetchQuery({ ...sessionQuery(), staleTime: 0 }) : await queryClient.ensureQueryData(sessionQuery());
    return session.csrfToken;
  });
  return queryClient;
}
