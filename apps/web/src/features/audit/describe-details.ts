import { CONVERSION_STATUSES, type ConversionStatus } from '@goalpost/contracts';
import { STATUS_LABEL } from '../../components/Badge';
import { formatCount, formatDateTime, formatPounds, formatQuantity } from '../../lib/format';

export interface DetailLine {
  label: string;
  value: string;
}

/** The api's field names in the words the dashboard's own forms use. */
const LABELS: Record<string, string> = {
  afliteApiKey: 'Aflite API key',
  afliteMid: 'Merchant ID (mid)',
  afliteBaseUrl: 'Aflite address',
  afliteMethod: 'Sending method',
  maxAttempts: 'Attempts before giving up',
  retryBaseSeconds: 'First wait',
  retryMaxSeconds: 'Longest wait',
  attributionWindowDays: 'Attribution window',
  cookieDomain: 'Cookie domain',
  allowedOrigins: 'Allowed origins',
  redirectHosts: 'Redirect hosts',
  afliteGoalId: 'Aflite goal ID',
  name: 'Name',
  defaultValue: 'Default value',
  allowBrowser: 'Allowed from the browser',
  maxBrowserValue: 'Maximum value from the browser',
  browserValueCap: 'Cap on values from the browser',
  enabled: 'Enabled',
  prefix: 'Key starts with',
  ids: 'Conversions',
  force: 'Skipped the Aflite check',
  queued: 'Queued',
  filter: 'Filters',
  total: 'Matching',
  email: 'Email',
  ip: 'IP address',
};

/** Already said by the entry's "On" column or its time, or bookkeeping nobody acts on. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt']);

const SECONDS = { one: 'second', other: 'seconds' };
const DAYS = { one: 'day', other: 'days' };
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "retryBaseSeconds" → "Retry base seconds", for a field this page does not know yet. */
const humanize = (key: string) => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const isStatus = (value: unknown): value is ConversionStatus => (CONVERSION_STATUSES as readonly unknown[]).includes(value);

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatCount(value);
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? formatDateTime(value, { seconds: true }) : value;
  if (Array.isArray(value)) return value.length ? value.map(describeValue).join(', ') : 'none';
  if (typeof value === 'object') {
    const pairs = Object.entries(value).map(([key, item]) => `${humanize(key).toLowerCase()} ${describeValue(item)}`);
    return pairs.join(', ') || 'none';
  }
  return String(value);
}

/** A re-send's delivery filter (the api's form: `to` is the exclusive end). */
function describeFilter(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return describeValue(value);
  const filter = value as Record<string, unknown>;
  const parts: string[] = [];
  if (isStatus(filter.status)) parts.push(`status ${STATUS_LABEL[filter.status]}`);
  if (typeof filter.goalId === 'string') parts.push(`Aflite goal ID ${filter.goalId}`);
  if (typeof filter.from === 'string') parts.push(`created from ${formatDateTime(filter.from)}`);
  if (typeof filter.to === 'string') parts.push(`created before ${formatDateTime(filter.to)}`);
  if (filter.kind === 'live' || filter.kind === 'test') parts.push(filter.kind === 'live' ? 'live only' : 'test only');
  if (typeof filter.q === 'string') parts.push(`matching “${filter.q}”`);
  return parts.length ? parts.join(', ') : 'none: everything that can be re-sent';
}

/** `{ from, to }`: a change the environment made at start, shown as before → after. */
function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'from,to';
}

function describeField(key: string, value: unknown): string {
  if (isChange(value)) return `${describeChangeSide(key, value.from)} → ${describeChangeSide(key, value.to)}`;
  switch (key) {
    case 'afliteApiKey':
      return value === '(cleared)' ? 'removed' : 'changed';
    case 'retryBaseSeconds':
    case 'retryMaxSeconds':
      return typeof value === 'number' ? formatQuantity(value, SECONDS) : describeValue(value);
    case 'attributionWindowDays':
      return typeof value === 'number' ? formatQuantity(value, DAYS) : describeValue(value);
    case 'defaultValue':
    case 'maxBrowserValue':
    case 'browserValueCap':
      return typeof value === 'string' ? formatPounds(value) : describeValue(value);
    case 'filter':
      return describeFilter(value);
    default:
      return describeValue(value);
  }
}

/** One side of a before → after: the API key arrives masked (••••1234) or null. */
function describeChangeSide(key: string, value: unknown): string {
  if (key === 'afliteApiKey') return typeof value === 'string' ? value : 'none';
  return describeField(key, value);
}

/** An audit entry's details as the merchant reads them: labelled like the forms, dates and money formatted. */
export function describeDetails(details: Record<string, unknown>): DetailLine[] {
  return Object.entries(details)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => ({ label: LABELS[key] ?? humanize(key), value: describeField(key, value) }));
}
