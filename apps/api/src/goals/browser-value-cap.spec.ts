import { describe, expect, it } from 'vitest';
import { MAX_STORED_VALUE_MINOR } from '../database/columns';
import { browserValueCapMinor } from './browser-value-cap';

describe('browserValueCapMinor', () => {
  it('is the maximum set on the goal when there is one', () => {
    expect(browserValueCapMinor({ defaultValueMinor: 1000, maxBrowserValueMinor: 2500 })).toBe(2500);
    expect(browserValueCapMinor({ defaultValueMinor: null, maxBrowserValueMinor: 0 })).toBe(0);
  });

  it('is ten times the default value otherwise, within what can be stored', () => {
    expect(browserValueCapMinor({ defaultValueMinor: 1000, maxBrowserValueMinor: null })).toBe(10_000);
    expect(browserValueCapMinor({ defaultValueMinor: 500_000_000, maxBrowserValueMinor: null })).toBe(MAX_STORED_VALUE_MINOR);
  });

  it('is 1,000.00 for a goal without a default value or with a default of 0', () => {
    expect(browserValueCapMinor({ defaultValueMinor: null, maxBrowserValueMinor: null })).toBe(100_000);
    expect(browserValueCapMinor({ defaultValueMinor: 0, maxBrowserValueMinor: null })).toBe(100_000);
  });
});
