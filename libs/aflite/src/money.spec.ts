import { describe, expect, it } from 'vitest';
import { formatValue, MAX_VALUE_MINOR, parseValueToMinor } from './money';

describe('formatValue', () => {
  it.each([
    [1099, '10.99'],
    [5, '0.05'],
    [0, '0.00'],
    [10, '0.10'],
    [100, '1.00'],
    [123456789, '1234567.89'],
    [-250, '-2.50'],
    [MAX_VALUE_MINOR, '10000000000.00'],
  ])('%d -> %s', (minor, text) => {
    expect(formatValue(minor)).toBe(text);
  });

  it.each([10.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %d', (minor) => {
    expect(() => formatValue(minor)).toThrow(RangeError);
  });
});

describe('parseValueToMinor', () => {
  it.each<[unknown, number]>([
    ['10.99', 1099],
    ['10.9', 1090],
    ['10', 1000],
    ['0', 0],
    ['0.01', 1],
    ['007.50', 750],
    [' 3 ', 300],
    [10.99, 1099],
    [0.29, 29],
    [19.9, 1990],
    [0, 0],
    [-0, 0],
    ['10000000000.00', MAX_VALUE_MINOR],
  ])('%j -> %d', (input, minor) => {
    expect(parseValueToMinor(input)).toBe(minor);
  });

  it.each<unknown>([
    '-1',
    '-0.01',
    -5,
    '',
    '   ',
    'abc',
    '10.999',
    0.1 + 0.2,
    '1e3',
    1e21,
    1e-7,
    '10.',
    '.5',
    '+3',
    '1,000.00',
    '10.99 GBP',
    '0x10',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '10000000000.01',
    '99999999999999999999',
    null,
    undefined,
    true,
    {},
    [10],
  ])('%j -> null', (input) => {
    expect(parseValueToMinor(input)).toBeNull();
  });

  it('rejects a bigint', () => {
    expect(parseValueToMinor(10n)).toBeNull();
  });

  it('round-trips with formatValue', () => {
    for (const minor of [0, 1, 9, 10, 99, 100, 101, 1099, 123456, 999999999]) {
      expect(parseValueToMinor(formatValue(minor))).toBe(minor);
    }
  });
});
