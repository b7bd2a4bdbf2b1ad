import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getClick, listClicks } from './api';
import { clickKeys } from './keys';

export function useClicks(search: string) {
  return useInfiniteQuery({
    queryKey: clickKeys.list(search),
    queryFn: ({ pageParam, signal }) => listClicks(search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export const useClick = (id: number) =>
  useQuery({ queryKey: clickKeys.detail(id), queryFn: ({ signal }) => getClick(id, signal), enabled: Number.isInteger(id) && id > 0 });

/** The most recent click, fetched on demand ("use latest captured click"). */
export const latestClickQuery = () =>
  queryOptions({
    queryKey: clickKeys.latest(),
    queryFn: async ({ signal }) => (await listClicks('', null, signal, 1)).items[0] ?? null,
    staleTime: 0,
  });
