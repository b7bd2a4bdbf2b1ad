/** Days on the dashboard start at midnight in the merchant's time zone, with summer time. */
export const DASHBOARD_TIME_ZONE = 'Europe/London';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(t: number, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(t))
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Milliseconds to add to a UTC instant to get the zone's wall-clock time (3_600_000 during BST). */
export function zoneOffsetMs(t: number, timeZone = DASHBOARD_TIME_ZONE): number {
  const w = wallTime(t, timeZone);
  const seconds = Math.floor(t / 1000) * 1000;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - seconds;
}

/** The instant a wall-clock time in the zone names; month is 1-based, out-of-range days roll over. */
export function zonedToUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0, timeZone = DASHBOARD_TIME_ZONE): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const guess = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(guess, timeZone);
}

/** Midnight (in the zone) of the day `t` falls on, `daysBack` days earlier. */
export function startOfZonedDay(t: number, daysBack = 0, timeZone = DASHBOARD_TIME_ZONE): number {
  const w = wallTime(t, timeZone);
  return zonedToUtc(w.year, w.month, w.day - daysBack, 0, 0, 0, 0, timeZone);
}

const ZONED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;

/**
 * Reads a filter date: with an offset or Z it is that instant; a bare date or date-time (what a date
 * picker sends) is wall-clock time in the dashboard's zone. Null when it is not a date, including a day
 * the month does not have (2024-02-30 is refused, not read as 1 March).
 */
export function parseDashboardTime(text: string, timeZone = DASHBOARD_TIME_ZONE): number | null {
  const local = ZONED.exec(text);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
    if (!isRealTime(+y, +mo, +d, +h, +mi, +s)) return null;
    return zonedToUtc(+y, +mo, +d, +h, +mi, +s, +ms.padEnd(3, '0'), timeZone);
  }
  const zoned = WITH_OFFSET.exec(text);
  if (!zoned) return null;
  const [, y, mo, d, h, mi, s = '0', offsetH = '0', offsetM = '0'] = zoned;
  if (!isRealTime(+y, +mo, +d, +h, +mi, +s) || +offsetH > 23 || +offsetM > 59) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : t;
}

function isRealTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}
