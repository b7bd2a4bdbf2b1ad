import { STATUS_LABEL } from '../../../components/Badge';
import type { DeliveryFilters } from '../url-filters';

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

const day = (value: string) => {
  const [year, month, date] = value.split('-').map(Number);
  return longDate.format(new Date(year, month - 1, date));
};

/** The filters in words, for confirming what a bulk action will touch. */
export function describeFilters(filters: DeliveryFilters): string[] {
  const parts: string[] = [];
  if (filters.status) parts.push(`Status: ${STATUS_LABEL[filters.status]}`);
  if (filters.goalId) parts.push(`Aflite goal ID: ${filters.goalId}`);
  if (filters.from && filters.to) parts.push(`Created ${day(filters.from)} to ${day(filters.to)}`);
  else if (filters.from) parts.push(`Created on or after ${day(filters.from)}`);
  else if (filters.to) parts.push(`Created on or before ${day(filters.to)}`);
  if (filters.kind) parts.push(filters.kind === 'live' ? 'Live only' : 'Test only');
  if (filters.q) parts.push(`Matching “${filters.q}”`);
  return parts;
}
