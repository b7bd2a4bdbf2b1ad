import type { Dialect } from './db.service';

/**
 * The one way raw SQL gets its placeholders: collects the values and hands out the dialect's numbered
 * placeholders (`$1` / `?1`) in order. Numbered rather than positional, so one value can be used twice.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(readonly dialect: Dialect) {}

  add(value: unknown): string {
    this.values.push(value);
    return placeholder(this.dialect, this.values.length);
  }

  /** One placeholder per value, in order. */
  addAll(values: readonly unknown[]): string[] {
    return values.map((value) => this.add(value));
  }

  /** A row of a multi-row VALUES list: `($1, $2, …)`. */
  row(values: readonly unknown[]): string {
    return `(${this.addAll(values).join(', ')})`;
  }
}

/**
 * An integer written into SQL as a literal. node-sqlite3 binds numbers beyond 32 bits as REAL, which
 * would turn `created_at / 86400000` into a float division; literals keep integer arithmetic on both
 * dialects. Only ever called with numbers computed here, never with request input as text.
 */
export function sqlInt(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return String(value);
}

/**
 * `column` starts with `prefix` (exact matches included), in a form each dialect serves from an index:
 * a binary-collation range on SQLite, LIKE on a varchar_pattern_ops index on PostgreSQL.
 */
export function prefixMatch(column: string, prefix: string, params: SqlParams): string {
  if (params.dialect === 'postgres') return `${column} LIKE ${params.add(`${escapeLike(prefix)}%`)}`;
  return prefixRange(column, prefix, params);
}

/**
 * `column` starts with `prefix`, whatever the case of either, in a form each dialect serves from an index on
 * `lower(column)` (see the case-insensitive-search migration): a binary range on SQLite, whose lower() folds
 * A-Z only, so the prefix is folded the same way here; LIKE with its wildcards escaped on PostgreSQL, which
 * folds the prefix with the same lower() as the index (a constant, so the planner still sees a plain prefix).
 */
export function caseInsensitivePrefixMatch(column: string, prefix: string, params: SqlParams): string {
  if (params.dialect === 'postgres') return `lower(${column}) LIKE lower(${params.add(`${escapeLike(prefix)}%`)})`;
  return prefixRange(
    `lower(${column})`,
    prefix.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()),
    params,
  );
}

/** LIKE's wildcards (and its escape character) as literal text, for PostgreSQL's default escape `\`. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `expression` in [prefix, prefix with its last character raised by one): every text that starts with prefix, in binary order. */
function prefixRange(expression: string, prefix: string, params: SqlParams): string {
  const last = prefix.codePointAt(prefix.length - 1) ?? 0;
  const head = [...prefix].slice(0, -1).join('');
  const upper = head + String.fromCodePoint(last + 1);
  return `(${expression} >= ${params.add(prefix)} AND ${expression} < ${params.add(upper)})`;
}

function placeholder(dialect: Dialect, index: number): string {
  return dialect === 'postgres' ? `$${index}` : `?${index}`;
}

export function toIso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
