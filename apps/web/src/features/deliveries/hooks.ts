import type { DeliveryDetailResponse, ResendRequest, StartResendJobRequest } from '@goalpost/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { overviewKeys } from '../overview/keys';
import { traceKeys } from '../trace/keys';
import { getDelivery, getResendJob, listDeliveries, listResendJobs, previewResendJob, resendDeliveries, startResendJob } from './api';
import { deliveryKeys } from './keys';
import { pendingPollInterval } from './pending-poll';
import { toApiFilter, type DeliveryFilters } from './url-filters';

export function useDeliveries(filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listDeliveries(toApiFilter(filters), pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    // Rows still waiting for Aflite change status by themselves; refetching re-reads every loaded page.
    refetchInterval: (query) => pendingPollInterval(query.state.data?.pages.flatMap((page) => page.items.map((item) => item.status)) ?? []),
  });
}

interface DetailOptions {
  /** Poll while waiting for a re-send to show up; a pending conversion is polled anyway, more slowly. */
  refetchInterval?: number | false | ((data: DeliveryDetailResponse | undefined) => number | false);
}

export function useDelivery(id: number, options: DetailOptions = {}) {
  const { refetchInterval } = options;
  return useQuery({
    queryKey: deliveryKeys.detail(id),
    queryFn: ({ signal }) => getDelivery(id, signal),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      const watching = typeof refetchInterval === 'function' ? refetchInterval(data) : (refetchInterval ?? false);
      return watching || pendingPollInterval(data ? [data.conversion.status] : []);
    },
  });
}

/** A re-send changes the conversions' status: the lists, those details, the overview counts and any open trace. */
function invalidateResent(queryClient: QueryClient, ids?: number[]) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: deliveryKeys.lists() }),
    ...(ids
      ? ids.map((id) => queryClient.invalidateQueries({ queryKey: deliveryKeys.detail(id) }))
      : [queryClient.invalidateQueries({ queryKey: deliveryKeys.details() })]),
    queryClient.invalidateQueries({ queryKey: overviewKeys.all }),
    queryClient.invalidateQueries({ queryKey: traceKeys.all }),
  ]);
}

export function useResendDeliveries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResendRequest) => resendDeliveries(body),
    onSuccess: (_result, body) => invalidateResent(queryClient, body.ids),
  });
}

export function useResendPreview(filters: DeliveryFilters) {
  return useQuery({
    queryKey: deliveryKeys.resendPreview(filters),
    queryFn: () => previewResendJob(toApiFilter(filters)),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useStartResendJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartResendJobRequest) => startResendJob(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.resendJobList() }),
  });
}

/** Recent jobs: after a reload, the page finds a re-send that is still going. */
export const useResendJobs = () => useQuery({ queryKey: deliveryKeys.resendJobList(), queryFn: ({ signal }) => listResendJobs(signal) });

/** Polls a running job; stops once every queued conversion has an answer (or the job itself failed). */
export function useResendJob(id: number | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: deliveryKeys.resendJob(id ?? 0),
    queryFn: async ({ signal }) => {
      const job = await getResendJob(id as number, signal);
      const before = queryClient.getQueryData<typeof job>(deliveryKeys.resendJob(job.id));
      // Once the job settles, the pages behind the dialog show the new statuses.
      if (isResendJobSettled(job) && !(before && isResendJobSettled(before))) {
        await Promise.all([invalidateResent(queryClient), queryClient.invalidateQueries({ queryKey: deliveryKeys.resendJobList() })]);
      }
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => {
      const job = query.state.data;
      if (!job) return 1000;
      return isResendJobSettled(job) ? false : 1000;
    },
  });
}

export const isResendJobSettled = (job: { state: string; pending: number; queued: number; total: number }) =>
  job.state === 'failed' || (job.state === 'done' && job.pending === 0);
