import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('a long enough secret');
    expect(await verifyPassword('a long enough secret', hash)).toBe(true);
    expect(await verifyPassword('a long enough secreT', hash)).toBe(false);
  });

  it('salts every hash and keeps the cost with it', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
  });

  it('reads the cost from the stored hash, so older or stronger parameters still verify', async () => {
    const hash = await hashPassword('cost travels');
    const [, , , , salt] = hash.split('$');
    // Re-derive with other parameters through the same format: a hash made with N=2^14 must verify as such.
    const { scryptSync } = await import('node:crypto');
    const key = scryptSync('cost travels', Buffer.from(salt, 'base64url'), 64, { N: 2 ** 14, r: 8, p: 1 });
    expect(await verifyPassword('cost travels', `scrypt$16384$8$1$${salt}$${key.toString('base64url')}`)).toBe(true);
  });

  it('refuses malformed stored values instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$abc$8$1$c2FsdA$aGFzaA')).toBe(false);
  });
});
