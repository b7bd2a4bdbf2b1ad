/** Numbers, money and times as a UK merchant reads them, in the browser's own time zone. */
const LOCALE = 'en-GB';

const integer = new Intl.NumberFormat(LOCALE);
const pounds = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'GBP' });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateTimeSeconds = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dayMonth = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short' });
const timeOfDay = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit' });

export const formatCount = (value: number) => integer.format(value);

/** A count that may stop at a bound: "1,204", or "10,000+" when there are more. */
export const formatBoundedCount = (value: number, isLowerBound: boolean) => `${formatCount(value)}${isLowerBound ? '+' : ''}`;

const pluralRules = new Intl.PluralRules(LOCALE);

/** A word in its two English forms, e.g. { one: 'delivery', other: 'deliveries' }. */
export interface Noun {
  one: string;
  other: string;
}

export const DELIVERY: Noun = { one: 'delivery', other: 'deliveries' };

/** The form of `noun` that goes with `count`. */
export const pluralOf = (count: number, noun: Noun) => (pluralRules.select(count) === 'one' ? noun.one : noun.other);

/** "1 delivery", "1,204 deliveries". */
export const formatQuantity = (count: number, noun: Noun) => `${formatCount(count)} ${pluralOf(count, noun)}`;

/** Money arrives as integer pence. */
export const formatPence = (pence: number) => pounds.format(pence / 100);

/** Money as the api's decimal string, e.g. "10.99". */
export function formatPounds(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const amount = Number(value);
  return Number.isFinite(amount) ? pounds.format(amount) : value;
}

export const formatPercent = (ratio: number | null) => (ratio === null ? '—' : percent.format(ratio));

function toDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  const date = toDate(iso);
  if (!date) return '—';
  return (options.seconds ? dateTimeSeconds : dateTime).format(date);
}

const WEEKDAY_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME_AND_ZONE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };

/** A formatter in `timeZone`, or in the browser's zone when none is given or the one given is unknown. */
function inZone(options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    } catch {
      // An unknown zone: the browser's own.
    }
  }
  return new Intl.DateTimeFormat(LOCALE, options);
}

interface ZoneOptions {
  seconds?: boolean;
  /** Another zone than the browser's (IANA name), e.g. for tests. */
  timeZone?: string;
}

const withSeconds = (options: Intl.DateTimeFormatOptions, seconds: boolean | undefined) => (seconds ? { ...options, second: '2-digit' as const } : options);

/**
 * "Thu, 3 Dec 2026, 14:05 GMT": the weekday and the zone said, so a time is never read on the wrong day or in
 * the wrong zone. In the browser's zone.
 */
export function formatDateTimeWithZone(iso: string | null | undefined, options: ZoneOptions = {}): string {
  const date = toDate(iso);
  if (!date) return '—';
  return inZone(withSeconds({ ...WEEKDAY_DATE, ...TIME_AND_ZONE }, options.seconds), options.timeZone).format(date);
}

/** The same moment in two parts that a narrow column can stack: "Thu, 3 Dec 2026" and "14:05 GMT". */
export function formatDayAndTimeWithZone(iso: string | null | undefined, options: ZoneOptions = {}): { day: string; time: string } | null {
  const date = toDate(iso);
  if (!date) return null;
  return {
    day: inZone(WEEKDAY_DATE, options.timeZone).format(date),
    time: inZone(withSeconds(TIME_AND_ZONE, options.seconds), options.timeZone).format(date),
  };
}

/** "14:03" today, otherwise "3 May, 14:03". */
export function formatWhen(iso: string | null | undefined, now = new Date()): string {
  const date = toDate(iso);
  if (!date) return '—';
  return date.toDateString() === now.toDateString() ? timeOfDay.format(date) : `${dayMonth.format(date)}, ${timeOfDay.format(date)}`;
}

export function formatTime(iso: string | null | undefined): string {
  const date = toDate(iso);
  return date ? timeOfDay.format(date) : '—';
}

/** "3 May"; pass the zone a day bucket was cut in so its label names the right day wherever the browser is. */
export function formatDayMonth(iso: string, timeZone?: string): string {
  const date = toDate(iso);
  if (!date) return iso;
  if (!timeZone) return dayMonth.format(date);
  try {
    return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone }).format(date);
  } catch {
    return dayMonth.format(date);
  }
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${integer.format(Math.round(ms))} ms`;
  return `${(ms / 1000).toLocaleString(LOCALE, { maximumFractionDigits: 1 })} s`;
}

/** yyyy-mm-dd of a local date, as <input type="date"> wants it. */
export function toDateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
