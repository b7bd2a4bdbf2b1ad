import { describe, expect, it } from 'vitest';
import { DELIVERY, formatQuantity, pluralOf } from './format';

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
