import type { TraceTestRequest } from '@goalpost/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deliveryKeys } from '../deliveries/keys';
import { clearCrossSite, getAfliteHelp, getCrossSite, getRecentClicks, sendTraceTest } from './api';
import { testTrackingKeys } from './keys';

export const WATCH_INTERVAL_MS = 1500;

/** A trace-only test is stored as a test conversion: it shows up in the deliveries lists. */
export function useSendTraceTest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TraceTestRequest) => sendTraceTest(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.lists() }),
  });
}

export const useAfliteHelp = (enabled: boolean) =>
  useQuery({ queryKey: testTrackingKeys.help(), queryFn: ({ signal }) => getAfliteHelp(signal), enabled, staleTime: 5 * 60_000 });

/** Polled only while the "watch for clicks" panel is open. */
export const useRecentClicks = (since: string | null) =>
  useQuery({
    queryKey: testTrackingKeys.recentClicks(since ?? ''),
    queryFn: ({ signal }) => getRecentClicks(since as string, signal),
    enabled: since !== null,
    refetchInterval: WATCH_INTERVAL_MS,
    refetchIntervalInBackground: false,
  });

/** Clicks from pages on another site than Goalpost's, shown on Install and Test tracking. */
export const useCrossSite = () => useQuery({ queryKey: testTrackingKeys.crossSite(), queryFn: ({ signal }) => getCrossSite(signal), staleTime: 30_000 });

export function useClearCrossSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => clearCrossSite(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testTrackingKeys.crossSite() }),
  });
}
