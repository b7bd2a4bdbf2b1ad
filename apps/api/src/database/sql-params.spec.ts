import { describe, expect, it } from 'vitest';
import { caseInsensitivePrefixMatch, prefixMatch, SqlParams, sqlInt } from './sql-params';

describe('sql helpers', () => {
  it('numbers placeholders in order', () => {
    const params = new SqlParams('postgres');
    expect([params.add('a'), params.add(2)]).toEqual(['$1', '$2']);
    expect(params.values).toEqual(['a', 2]);
    expect(new SqlParams('sqlite').row(['a', 'b'])).toBe('(?1, ?2)');
  });

  it('matches a prefix on SQLite with a binary range the index serves', () => {
    const params = new SqlParams('sqlite');
    expect(prefixMatch('c.mref', 'ORD', params)).toBe('(c.mref >= ?1 AND c.mref < ?2)');
    expect(params.values).toEqual(['ORD', 'ORE']);
  });

  it('matches a prefix on PostgreSQL with LIKE, escaping its wildcards', () => {
    const params = new SqlParams('postgres');
    expect(prefixMatch('c.mref', 'A_1%\\', params)).toBe('c.mref LIKE $1');
    expect(params.values).toEqual(['A\\_1\\%\\\\%']);
  });

  it('matches a prefix in any case on SQLite: the lower-cased column in a range of the prefix folded as SQLite folds (A-Z only)', () => {
    const params = new SqlParams('sqlite');
    expect(caseInsensitivePrefixMatch('c.mref', 'Ord-Ä_%', params)).toBe('(lower(c.mref) >= ?1 AND lower(c.mref) < ?2)');
    expect(params.values).toEqual(['ord-Ä_%', 'ord-Ä_&']);
  });

  it('matches a prefix in any case on PostgreSQL: LIKE on the lower-cased column, wildcards escaped, folded by the database', () => {
    const params = new SqlParams('postgres');
    expect(caseInsensitivePrefixMatch('c.mref', 'Ord_1%\\', params)).toBe('lower(c.mref) LIKE lower($1)');
    expect(params.values).toEqual(['Ord\\_1\\%\\\\%']);
  });

  it('writes only safe integers as literals', () => {
    expect(sqlInt(86_400_000)).toBe('86400000');
    expect(() => sqlInt(1.5)).toThrow(RangeError);
  });
});
