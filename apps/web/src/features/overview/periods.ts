import type { OverviewPeriod } from '@goalpost/contracts';

export const PERIODS: { value: OverviewPeriod; label: string }[] = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
];

export const DEFAULT_PERIOD: OverviewPeriod = '7d';

export const readPeriod = (value: string | null): OverviewPeriod => PERIODS.find((period) => period.value === value)?.value ?? DEFAULT_PERIOD;
