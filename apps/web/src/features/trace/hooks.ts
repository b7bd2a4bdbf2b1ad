import { useQuery } from '@tanstack/react-query';
import { pendingPollInterval } from '../deliveries/pending-poll';
import { traceSale } from './api';
import { traceKeys } from './keys';

export const useSaleTrace = (query: string) =>
  useQuery({
    queryKey: traceKeys.sale(query),
    queryFn: ({ signal }) => traceSale(query, signal),
    enabled: query.length > 0,
    // A sale still on its way to Aflite finishes its story without a reload.
    refetchInterval: (q) => pendingPollInterval(q.state.data?.conversions.map((item) => item.conversion.status) ?? []),
  });
