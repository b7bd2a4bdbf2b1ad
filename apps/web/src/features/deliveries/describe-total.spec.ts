import { describe, expect, it } from 'vitest';
import { describeTotal } from './describe-total';

describe('describeTotal', () => {
  it('counts exactly up to the bound, and says "10,000+" beyond it', () => {
    expect(describeTotal({ total: 1, totalIsLowerBound: false }, true)).toBe('1 delivery matches');
    expect(describeTotal({ total: 1204, totalIsLowerBound: false }, true)).toBe('1,204 deliveries match');
    expect(describeTotal({ total: 10000, totalIsLowerBound: false }, true)).toBe('10,000 deliveries match');
    expect(describeTotal({ total: 10000, totalIsLowerBound: true }, true)).toBe('10,000+ deliveries match');
  });

  it('says how many there are at all without filters', () => {
    expect(describeTotal({ total: 1, totalIsLowerBound: false }, false)).toBe('1 delivery');
    expect(describeTotal({ total: 10000, totalIsLowerBound: true }, false)).toBe('10,000+ deliveries');
  });
});
