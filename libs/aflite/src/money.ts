/** Largest amount accepted, in minor units; far above any real order, well inside safe integers. */
export const MAX_VALUE_MINOR = 1_000_000_000_000;

/** Formats integer minor units the way Aflite expects `value`: 1099 -> "10.99". */
export function formatValue(minor: number): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`value must be an integer number of minor units, got ${String(minor)}`);
  }
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const major = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${major}.${cents}`;
}

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a money amount into minor units, or null when it is not a plain non-negative
 * decimal with at most two places. Works on the string form so 10.99 never becomes 1098.
 */
export function parseValueToMinor(input: unknown): number | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    // String(10.99) is "10.99"; values that only print in exponent form are rejected below.
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return null;
  }
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  // Guards Number() precision before the range check.
  if (whole.length > 13) return null;
  const minor = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return minor > MAX_VALUE_MINOR ? null : minor;
}
