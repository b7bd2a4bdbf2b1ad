import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './unique-violation';

const failed = (driverError: object) => new QueryFailedError('INSERT …', [], Object.assign(new Error('x'), driverError));

describe('isUniqueViolation', () => {
  it('recognises PostgreSQL and SQLite unique violations', () => {
    expect(isUniqueViolation(failed({ code: '23505' }))).toBe(true);
    expect(isUniqueViolation(failed({ code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: UNIQUE constraint failed: conversions.goal_id' }))).toBe(true);
  });

  it('leaves every other failure alone', () => {
    expect(isUniqueViolation(failed({ code: '23503' }))).toBe(false);
    expect(isUniqueViolation(failed({ code: 'SQLITE_CONSTRAINT', message: 'SQLITE_CONSTRAINT: NOT NULL constraint failed' }))).toBe(false);
    expect(isUniqueViolation(new Error('23505'))).toBe(false);
  });
});
