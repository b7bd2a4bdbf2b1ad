import { useInfiniteQuery } from '@tanstack/react-query';
import { listAudit } from './api';
import { auditKeys } from './keys';

export const useAuditLog = () =>
  useInfiniteQuery({
    queryKey: auditKeys.lists(),
    queryFn: ({ pageParam, signal }) => listAudit(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
