import { Column, ColumnOptions } from 'typeorm';

/**
 * Times are stored as epoch milliseconds in a 64-bit integer: the same type, ordering and arithmetic
 * on SQLite and PostgreSQL, so keyset pagination and per-day grouping need no dialect branches.
 */
const epochMs = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

export function EpochMsColumn(options: Pick<ColumnOptions, 'name' | 'nullable'>) {
  return Column({ type: 'bigint', transformer: epochMs, ...options });
}

/** Money columns (`value_minor`, `default_value_minor`) are 32-bit integers: PostgreSQL refuses more, SQLite would not notice. */
export const MAX_STORED_VALUE_MINOR = 2_147_483_647;
