import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Db } from '../database/db.service';
import { bootApp, setUpAdmin, TEST_PASSWORD, type TestApp } from '../../test/support/test-app';
import { SignInFailureEntity } from './sign-in-failure.entity';
import { SIGN_IN_LIMITS } from './sign-in-limiter';

const EMAIL = 'owner@shop.example';

/** Behind one proxy (TRUST_PROXY=1): what a client sends is kept, and the proxy appends the address it saw. */
const viaProxy = (clientSent: string | null, clientAddress: string) => ({ 'x-forwarded-for': clientSent ? `${clientSent}, ${clientAddress}` : clientAddress });

function tally(statuses: number[]): Record<number, number> {
  return statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});
}

describe.each([
  { trust: '1', how: 'one proxy hop' },
  { trust: '127.0.0.1', how: "the proxy's address" },
])('sign-in limits behind a proxy trusted by $how (TRUST_PROXY=$trust)', ({ trust }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp({ TRUST_PROXY: trust });
    await setUpAdmin(t.app, EMAIL);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.app.get(Db).write((m) => m.clear(SignInFailureEntity));
  });

  const signIn = (password: string, headers: Record<string, string>, email = EMAIL) =>
    t.app.inject({ method: 'POST', url: '/api/admin/session', headers, payload: { email, password } });

  it('evaluates at most the limit of a burst of concurrent wrong guesses; the rest get 429 with Retry-After', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, () => signIn('wrong password!', viaProxy(null, '198.51.100.7'))));
    const counts = tally(burst.map((r) => r.statusCode));
    console.log(`burst of 30 concurrent wrong guesses from one address: ${counts[401] ?? 0} evaluated (401), ${counts[429] ?? 0} refused (429)`);
    expect(counts[401]).toBe(SIGN_IN_LIMITS.address);
    expect(counts[429]).toBe(30 - SIGN_IN_LIMITS.address);
    for (const refused of burst.filter((r) => r.statusCode === 429)) {
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
      expect(refused.json().message).toMatch(/^Too many failed sign-ins from your address\. Try again in 15 minutes\.$/);
    }
    // The right password is refused too while the address is limited: a guess cannot be told apart by its answer.
    expect((await signIn(TEST_PASSWORD, viaProxy(null, '198.51.100.7'))).statusCode).toBe(429);
  });

  it('does not let a rotated X-Forwarded-For reset the count: only the address the trusted proxy added counts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn('wrong password!', viaProxy(`192.0.2.${i + 1}`, '203.0.113.9'))).statusCode);
    console.log(`12 guesses from one address, each with another spoofed X-Forwarded-For entry: ${JSON.stringify(tally(statuses))}`);
    expect(statuses).toEqual([...Array<number>(SIGN_IN_LIMITS.address).fill(401), ...Array<number>(12 - SIGN_IN_LIMITS.address).fill(429)]);
    // A spoofed entry naming a fresh address gets nowhere either, and another real address is not locked out.
    expect((await signIn(TEST_PASSWORD, viaProxy('198.51.100.200', '203.0.113.9'))).statusCode).toBe(429);
    expect((await signIn(TEST_PASSWORD, viaProxy('203.0.113.9', '203.0.113.10'))).statusCode).toBe(200);
  });

  it('limits one account across many addresses, counting concurrent guesses too', async () => {
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn('wrong password!', viaProxy(null, `198.51.100.${i + 1}`))));
    const counts = tally(guesses.map((r) => r.statusCode));
    console.log(`30 concurrent wrong guesses at one account from 30 addresses: ${counts[401] ?? 0} evaluated (401), ${counts[429] ?? 0} refused (429)`);
    expect(counts[401]).toBe(SIGN_IN_LIMITS.account);
    expect(counts[429]).toBe(30 - SIGN_IN_LIMITS.account);
    const fresh = await signIn(TEST_PASSWORD, viaProxy(null, '203.0.113.77'));
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json().message).toMatch(/^Too many failed sign-ins for this account\. Try again in 15 minutes\.$/);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(800);
    // Guessing at another email does not touch the real account's count or this address's.
    expect((await signIn('wrong password!', viaProxy(null, '203.0.113.78'), 'someone@else.example')).statusCode).toBe(401);
  });

  it('clears the counts of the address and the account once the right password comes', async () => {
    const address = viaProxy(null, '198.51.100.50');
    for (let i = 0; i < SIGN_IN_LIMITS.address - 1; i++) expect((await signIn('wrong password!', address)).statusCode).toBe(401);
    expect((await signIn(TEST_PASSWORD, address)).statusCode).toBe(200);
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++) expect((await signIn('wrong password!', address)).statusCode).toBe(401);
    expect((await signIn('wrong password!', address)).statusCode).toBe(429);
  });
});

describe('sign-in limits without a proxy (TRUST_PROXY unset)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootApp();
    await setUpAdmin(t.app, EMAIL);
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For altogether: the peer is the client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/session',
        headers: { 'x-forwarded-for': `192.0.2.${i + 1}` },
        payload: { email: EMAIL, password: 'wrong password!' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(SIGN_IN_LIMITS.address).fill(401), ...Array<number>(8 - SIGN_IN_LIMITS.address).fill(429)]);
  });
});
