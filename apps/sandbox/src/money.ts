/** Amounts as Aflite writes them: digits with up to two decimals. */
export const VALUE_PATTERN = /^\d+(\.\d{1,2})?$/;

const COMMISSION_PERCENT = 10n;

/** BigInt keeps any accepted value exact; floats would drift on cents. */
export function toMinorUnits(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

export function formatMinorUnits(minor: bigint): string {
  return `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`;
}

/** Rounded half up to the cent. */
export function commissionFor(value: string): string {
  return formatMinorUnits((toMinorUnits(value) * COMMISSION_PERCENT + 50n) / 100n);
}

export function normalizeValue(value: string): string {
  return formatMinorUnits(toMinorUnits(value));
}
