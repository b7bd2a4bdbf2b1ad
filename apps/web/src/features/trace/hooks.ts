import { useQuery } from '@tanstack/react-query';
import { traceSale } from './api';
import { traceKeys } from './keys';

export const useSaleTrace = (query: string) =>
  useQuery({ queryKey: traceKeys.sale(query), queryFn: ({ signal }) => traceSale(query, signal), enabled: query.length > 0 });
