import { describe, expect, it } from 'vitest';
import { DomainError } from './errors/domain-error';
import { afterPosition, decodeCursor, encodeCursor } from './keyset-cursor';

describe('keyset cursor', () => {
  it('round-trips a position and is opaque', () => {
    const cursor = encodeCursor({ at: 1_730_462_400_000, id: 42 });
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(cursor).not.toContain('42');
    expect(decodeCursor(cursor)).toEqual({ at: 1_730_462_400_000, id: 42 });
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('refuses a cursor it did not make, naming the field', () => {
    for (const bad of [
      'abc',
      encodeCursor({ at: 1, id: 1 }).slice(0, -1) + '!',
      Buffer.from('1.2.3').toString('base64url'),
      Buffer.from('-1.2').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad), bad).toThrow(DomainError);
    }
    const error = catchError(() => decodeCursor('abc', 'cursor'));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe('cursor');
  });

  it('bounds the time column first so an index range applies', () => {
    const values: unknown[] = [];
    const sql = afterPosition('c.at', 'c.id', { at: 5, id: 9 }, (v) => {
      values.push(v);
      return `$${values.length}`;
    });
    expect(sql).toBe('c.at <= $1 AND (c.at < $1 OR c.id < $2)');
    expect(values).toEqual([5, 9]);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}
