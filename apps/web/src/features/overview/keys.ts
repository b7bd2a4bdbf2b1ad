import type { OverviewPeriod } from '@goalpost/contracts';

export const overviewKeys = {
  all: ['overview'] as const,
  period: (period: OverviewPeriod) => [...overviewKeys.all, period] as const,
};
