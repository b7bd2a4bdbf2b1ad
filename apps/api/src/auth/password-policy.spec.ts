import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/errors/domain-error';
import { assertPasswordAcceptable, passwordWeakness } from './password-policy';

const EMAIL = 'jane.merchant@shop.example';

describe('admin password policy', () => {
  it('accepts long passphrases and random passwords', () => {
    for (const ok of ['correct horse battery', 'a long enough secret', 'Tr0ub4dour&3x', 'vK7#qm2!Lp9z']) expect(passwordWeakness(ok, EMAIL), ok).toBeNull();
  });

  it('refuses the commonest passwords and their usual dressings', () => {
    for (const weak of ['password123', 'Password1234', 'p@ssw0rd123', 'iloveyou12', 'sunshine2024', 'football10']) {
      expect(passwordWeakness(weak, EMAIL), weak).toMatch(/^password: too easy to guess\. This is (similar to )?a (commonly|frequently) used password\./);
    }
  });

  it('refuses keyboard walks, sequences and repeats', () => {
    for (const weak of ['qwertyuiop', 'asdfghjkl;', '1234567890', 'abcdefghij', 'aaaaaaaaaaaa']) expect(passwordWeakness(weak, EMAIL), weak).not.toBeNull();
  });

  it('refuses passwords made of the account email or the product name', () => {
    expect(passwordWeakness('jane.merchant', EMAIL)).toMatch(/personal or page related data/);
    expect(passwordWeakness('shopexample1', EMAIL)).toMatch(/personal or page related data/);
    expect(passwordWeakness('janemerchant!', EMAIL)).toMatch(/personal or page related data/);
    expect(passwordWeakness('goalpost2024', EMAIL)).toMatch(/too easy to guess/);
  });

  it('says how long a password must be, naming the field it was given', () => {
    expect(passwordWeakness('Xk9#', EMAIL, 'newPassword')).toBe('newPassword must be at least 10 characters');
    expect(passwordWeakness('password123', EMAIL, 'newPassword')).toMatch(/^newPassword: too easy to guess\./);
  });

  it('throws a field error (400) for a refused password', () => {
    let thrown: unknown;
    try {
      assertPasswordAcceptable('qwertyuiop', EMAIL, 'newPassword');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'weak_password', field: 'newPassword' });
    expect(() => assertPasswordAcceptable('correct horse battery', EMAIL)).not.toThrow();
  });

  it('judges very long input too (on its first 100 characters)', () => {
    expect(passwordWeakness('a'.repeat(1024), EMAIL)).toMatch(/Repeated characters/);
    expect(passwordWeakness(`${'correct horse battery '.repeat(40)}`, EMAIL)).toBeNull();
  });
});
