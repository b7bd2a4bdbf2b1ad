import { describe, expect, it } from 'vitest';
import type { Db } from './db.service';
import { prefixMatch, SqlParams, sqlInt } from './sql-params';

const fakeDb = (dialect: 'sqlite' | 'postgres') => ({ dialect, param: (i: number) => (dialect === 'postgres' ? `$${i}` : `?${i}`) }) as unknown as Db;

describe('sql helpers', () => {
  it('numbers placeholders in order', () => {
    const params = new SqlParams(fakeDb('postgres'));
    expect([params.add('a'), params.add(2)]).toEqual(['$1', '$2']);
    expect(params.values).toEqual(['a', 2]);
  });

  it('matches a prefix on SQLite with a binary range the index serves', () => {
    const db = fakeDb('sqlite');
    const params = new SqlParams(db);
    expect(prefixMatch(db, 'c.mref', 'ORD', params)).toBe('(c.mref >= ?1 AND c.mref < ?2)');
    expect(params.values).toEqual(['ORD', 'ORE']);
  });

  it('matches a prefix on PostgreSQL with LIKE, escaping its wildcards', () => {
    const db = fakeDb('postgres');
    const params = new SqlParams(db);
    expect(prefixMatch(db, 'c.mref', 'A_1%\\', params)).toBe('c.mref LIKE $1');
    expect(params.values).toEqual(['A\\_1\\%\\\\%']);
  });

  it('writes only safe integers as literals', () => {
    expect(sqlInt(86_400_000)).toBe('86400000');
    expect(() => sqlInt(1.5)).toThrow(RangeError);
  });
});
