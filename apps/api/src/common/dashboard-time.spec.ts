import { describe, expect, it } from 'vitest';
import { parseDashboardTime, startOfZonedDay, zoneOffsetMs, zonedToUtc } from './dashboard-time';

describe('dashboard time (Europe/London)', () => {
  it('knows the offset in winter and summer', () => {
    expect(zoneOffsetMs(Date.parse('2024-01-15T12:00:00Z'))).toBe(0);
    expect(zoneOffsetMs(Date.parse('2024-07-15T12:00:00Z'))).toBe(3_600_000);
  });

  it('turns London wall-clock time into the instant', () => {
    expect(new Date(zonedToUtc(2024, 7, 1)).toISOString()).toBe('2024-06-30T23:00:00.000Z');
    expect(new Date(zonedToUtc(2024, 12, 1, 9, 30)).toISOString()).toBe('2024-12-01T09:30:00.000Z');
  });

  it('finds the start of the London day, also on the days the clocks change', () => {
    expect(new Date(startOfZonedDay(Date.parse('2024-03-31T12:00:00Z'))).toISOString()).toBe('2024-03-31T00:00:00.000Z');
    expect(new Date(startOfZonedDay(Date.parse('2024-10-27T12:00:00Z'))).toISOString()).toBe('2024-10-26T23:00:00.000Z');
    expect(new Date(startOfZonedDay(Date.parse('2024-04-01T00:30:00Z'), 1)).toISOString()).toBe('2024-03-31T00:00:00.000Z');
  });

  it('reads filter dates: zoned as given, bare as London time, rubbish as null', () => {
    expect(parseDashboardTime('2024-07-01T10:00:00Z')).toBe(Date.parse('2024-07-01T10:00:00Z'));
    expect(parseDashboardTime('2024-07-01T10:00:00+02:00')).toBe(Date.parse('2024-07-01T08:00:00Z'));
    expect(parseDashboardTime('2024-07-01')).toBe(Date.parse('2024-06-30T23:00:00Z'));
    expect(parseDashboardTime('2024-07-01T10:15')).toBe(Date.parse('2024-07-01T09:15:00Z'));
    expect(parseDashboardTime('2024-07-01T10:15:30.250')).toBe(Date.parse('2024-07-01T09:15:30.250Z'));
    expect(parseDashboardTime('2024-02-29T23:59:59.999Z')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
    const rubbish = ['yesterday', '2024-02-30', '2024-07-01T25:00', '2024-7-1', '1719792000000', '2024-07-01T10:00:00Q'];
    // A day, hour or offset that does not exist is refused, not rolled over into the next month or day.
    const impossible = ['2024-02-30T10:00:00Z', '2023-02-29T00:00+01:00', '2024-04-31T00:00:00Z', '2024-13-01T00:00:00Z', '2024-07-01T24:00:00Z'];
    impossible.push('2024-07-01T10:60Z', '2024-07-01T10:00:00+24:00', '2024-07-01T10:00:00+01:60');
    for (const bad of [...rubbish, ...impossible]) {
      expect(parseDashboardTime(bad), bad).toBeNull();
    }
  });
});
