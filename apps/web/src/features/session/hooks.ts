import type { SignInRequest } from '@goalpost/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { changePassword, createAdminAccount, getSession, signIn, signOut } from './api';
import { sessionKeys } from './keys';

export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.current(),
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
    retry: 1,
  });

export const useSession = () => useQuery(sessionQuery());

/** Signing in or setting up answers with the new session (and its CSRF token); nothing else is cached yet. */
export function useSignIn(mode: 'sign-in' | 'setup') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => (mode === 'setup' ? createAdminAccount(body) : signIn(body)),
    onSuccess: (session) => queryClient.setQueryData(sessionKeys.current(), session),
  });
}

/** Everything cached belongs to the admin who is leaving. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
      return queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });
}

/** Nothing cached changes: this session stays signed in with the same CSRF token. */
export const useChangePassword = () => useMutation({ mutationFn: changePassword });
