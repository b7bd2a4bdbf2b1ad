import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createIngestKey, listIngestKeys, revokeIngestKey } from './api';
import { ingestKeyKeys } from './keys';

export const useIngestKeys = () => useQuery({ queryKey: ingestKeyKeys.lists(), queryFn: ({ signal }) => listIngestKeys(signal) });

/** The new key itself lives only in this mutation's result: it is shown once and never cached. */
export function useCreateIngestKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createIngestKey(name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ingestKeyKeys.lists() }),
  });
}

export function useRevokeIngestKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => revokeIngestKey(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ingestKeyKeys.lists() }),
  });
}
