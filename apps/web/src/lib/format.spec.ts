import { describe, expect, it } from 'vitest';
import { DELIVERY, formatBoundedCount, formatDateTimeWithZone, formatDayAndTimeWithZone, formatQuantity, pluralOf } from './format';

describe('formatQuantity', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(formatQuantity(1, DELIVERY)).toBe('1 delivery');
    expect(formatQuantity(2, DELIVERY)).toBe('2 deliveries');
    expect(formatQuantity(0, { one: 'click', other: 'clicks' })).toBe('0 clicks');
    expect(formatQuantity(1204, { one: 'click', other: 'clicks' })).toBe('1,204 clicks');
  });

  it('gives the form alone for phrases that agree with the count', () => {
    expect(pluralOf(1, { one: 'delivery matches', other: 'deliveries match' })).toBe('delivery matches');
  });
});

describe('formatDateTimeWithZone', () => {
  const winter = '2026-12-03T14:05:09.000Z';
  const summer = '2026-07-03T14:05:09.000Z';

  it('names the weekday and the zone, in the zone given', () => {
    expect(formatDateTimeWithZone(winter, { timeZone: 'Europe/London' })).toBe('Thu, 3 Dec 2026, 14:05 GMT');
    expect(formatDateTimeWithZone(summer, { timeZone: 'Europe/London' })).toBe('Fri, 3 Jul 2026, 15:05 BST');
    expect(formatDateTimeWithZone(winter, { timeZone: 'America/New_York' })).toBe('Thu, 3 Dec 2026, 09:05 GMT-5');
    // Late evening in the Pacific is already the next day in London: the weekday follows the zone.
    expect(formatDateTimeWithZone('2026-12-04T02:30:00.000Z', { timeZone: 'America/Los_Angeles' })).toBe('Thu, 3 Dec 2026, 18:30 GMT-8');
  });

  it('shows seconds when asked', () => {
    expect(formatDateTimeWithZone(winter, { seconds: true, timeZone: 'Europe/London' })).toBe('Thu, 3 Dec 2026, 14:05:09 GMT');
  });

  it("uses the browser's zone by default, and for a zone it does not know", () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const inBrowserZone = formatDateTimeWithZone(winter, { timeZone: browserZone });
    expect(formatDateTimeWithZone(winter)).toBe(inBrowserZone);
    expect(formatDateTimeWithZone(winter, { timeZone: 'Mars/Olympus_Mons' })).toBe(inBrowserZone);
  });

  it('shows a dash for no time or a broken one', () => {
    expect(formatDateTimeWithZone(null)).toBe('—');
    expect(formatDateTimeWithZone('not a date')).toBe('—');
  });
});

describe('formatDayAndTimeWithZone', () => {
  it('gives the day and the time with its zone apart, for a column that stacks them', () => {
    expect(formatDayAndTimeWithZone('2026-12-03T14:05:09.000Z', { timeZone: 'Europe/London' })).toEqual({ day: 'Thu, 3 Dec 2026', time: '14:05 GMT' });
    expect(formatDayAndTimeWithZone('2026-12-04T02:30:00.000Z', { timeZone: 'America/Los_Angeles', seconds: true })).toEqual({
      day: 'Thu, 3 Dec 2026',
      time: '18:30:00 GMT-8',
    });
    expect(formatDayAndTimeWithZone(null)).toBeNull();
  });
});

describe('formatBoundedCount', () => {
  it('adds a plus when the count stopped at its bound', () => {
    expect(formatBoundedCount(1204, false)).toBe('1,204');
    expect(formatBoundedCount(10000, true)).toBe('10,000+');
  });
});
