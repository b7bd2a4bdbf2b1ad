import type { OverviewPeriod } from '@goalpost/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getOverview } from './api';
import { overviewKeys } from './keys';

export const useOverview = (period: OverviewPeriod) =>
  useQuery({
    queryKey: overviewKeys.period(period),
    queryFn: ({ signal }) => getOverview(period, signal),
    placeholderData: keepPreviousData,
    // The upstream banner should not lag far behind an outage.
    refetchInterval: 30_000,
  });
