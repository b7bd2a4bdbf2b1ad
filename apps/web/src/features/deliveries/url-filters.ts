import { CONVERSION_STATUSES, type ConversionStatus, type DeliveryFilter } from '@goalpost/contracts';

/**
 * The delivery filters as they live in the address bar: plain local dates (both ends included), so a link
 * reads like what the merchant picked and means the same days wherever it is opened.
 */
export interface DeliveryFilters {
  status?: ConversionStatus;
  /** Aflite goal ID. */
  goalId?: string;
  /** yyyy-mm-dd, local, first day shown. */
  from?: string;
  /** yyyy-mm-dd, local, last day shown. */
  to?: string;
  kind?: 'live' | 'test';
  q?: string;
}

/** Fixed order, so the same filters always give the same address. */
const KEYS = ['status', 'goalId', 'from', 'to', 'kind', 'q'] as const satisfies readonly (keyof DeliveryFilters)[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isStatus = (value: string): value is ConversionStatus => (CONVERSION_STATUSES as readonly string[]).includes(value);

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** Reads filters from a query string, dropping anything malformed (a hand-edited or outdated link). */
export function readDeliveryFilters(params: URLSearchParams): DeliveryFilters {
  const filters: DeliveryFilters = {};
  const status = params.get('status');
  if (status && isStatus(status)) filters.status = status;
  const goalId = params.get('goalId')?.trim();
  if (goalId) filters.goalId = goalId;
  const from = params.get('from');
  if (from && isRealDate(from)) filters.from = from;
  const to = params.get('to');
  if (to && isRealDate(to)) filters.to = to;
  const kind = params.get('kind');
  if (kind === 'live' || kind === 'test') filters.kind = kind;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  return filters;
}

export function writeDeliveryFilters(filters: DeliveryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

export const hasDeliveryFilters = (filters: DeliveryFilters) => KEYS.some((key) => Boolean(filters[key]));

function localMidnight(date: string, addDays = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day + addDays).toISOString();
}

/** The api's filter: exact instants for the merchant's local days, `to` exclusive (the day after the last day). */
export function toApiFilter(filters: DeliveryFilters): DeliveryFilter {
  const filter: DeliveryFilter = {};
  if (filters.status) filter.status = filters.status;
  if (filters.goalId) filter.goalId = filters.goalId;
  if (filters.from) filter.from = localMidnight(filters.from);
  if (filters.to) filter.to = localMidnight(filters.to, 1);
  if (filters.kind) filter.kind = filters.kind;
  if (filters.q) filter.q = filters.q;
  return filter;
}
