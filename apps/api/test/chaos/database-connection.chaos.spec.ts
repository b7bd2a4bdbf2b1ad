import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HealthResponse } from '@goalpost/contracts';
import type { ApiClient } from '../integration/harness/api-client';
import { uid } from '../integration/harness/ids';
import { REDIRECT_HOST, Stack } from '../integration/harness/stack';
import { POSTGRES_SKIPPED, POSTGRES_URL } from '../integration/harness/test-database';
import { sleep, waitFor } from '../integration/harness/wait-for';
import { merge, steadyLoad, type LoadResult } from './support/conversion-load';
import { attemptsOf, conversionStatuses, readRows } from './support/stored-rows';
import { TcpProxy } from './support/tcp-proxy';

/** Short database timeouts, so a stall plays out in seconds; a lease long enough that waiting it out would show. */
const LEASE_MS = 30_000;
const API_TUNING = {
  DATABASE_CONNECT_TIMEOUT_MS: '1500',
  DATABASE_STATEMENT_TIMEOUT_MS: '1500',
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3000',
  DELIVERY_LEASE_MS: String(LEASE_MS),
};
/** Aflite answers this slowly while the database goes away, so some deliveries are mid-send when it does. */
const AFLITE_LATENCY_MS = 600;
const STALL_MS = 6_000;
const CUT_REFUSE_MS = 2_000;

const title = `PostgreSQL connection reset or stalled under load${POSTGRES_URL ? '' : `: ${POSTGRES_SKIPPED}`}`;

describe.skipIf(!POSTGRES_URL)(title, () => {
  let stack: Stack;
  let proxy: TcpProxy;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await Stack.start('postgres');
    proxy = await TcpProxy.start(databaseAddress(stack));
    api = await stack.useApi({ ...API_TUNING, DATABASE_URL: proxiedUrl(stack, proxy) });
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await stack?.stop();
  }, 60_000);

  beforeEach(({ onTestFailed }) => {
    const mark = stack.log.mark();
    onTestFailed(() => console.error(`--- output of the stack during this test ---\n${stack.log.since(mark)}`));
  });

  it('answers 503 with Retry-After while every connection is reset, and loses, duplicates or strands nothing', async () => {
    await stack.sandbox.setFault({ latencyMs: AFLITE_LATENCY_MS, errorRate: 1 });
    const load = steadyLoad(api, 'cut', 8);
    await sleep(1_500);
    // Cut while sends are in flight at Aflite (received, not yet answered), so their outcomes meet the outage.
    await waitFor(async () => expect(await sendsInFlight(stack)).toBeGreaterThan(0), 10_000, 20);
    const before = load.phase();

    proxy.cut(CUT_REFUSE_MS);
    const cutAt = Date.now();
    await sleep(CUT_REFUSE_MS);
    const health = await waitFor(() => healthy(api), 15_000, 100);
    const recoveredAt = Date.now();
    const during = load.phase();
    await sleep(1_000);
    const after = await load.stop();
    await stack.sandbox.clearFaults();

    expect(health.database.ok).toBe(true);
    // The fault was met (otherwise this proves nothing), and met with 503s, not 500s.
    expect(during.refused.length).toBeGreaterThan(0);
    const all = merge(before, during, after);
    expect(all.other).toEqual({});
    expect(all.refusedWithoutRetryAfter).toBe(0);

    const outcome = await settled(stack);
    const interrupted = await interruptedAttempts(stack);
    console.log(
      `connection cut (PostgreSQL): ${figures(all, outcome)}, back after ${recoveredAt - cutAt} ms, ` +
        `interrupted deliveries ${interrupted.length}, slowest retry after an interruption ${Math.max(0, ...interrupted.map((i) => i.retriedAfterMs))} ms (lease ${LEASE_MS} ms)`,
    );
    expectNothingLostOrDuplicated(all, outcome);
    // Deliveries the cut interrupted mid-send were retried as soon as the database was back, not after their lease.
    expect(interrupted.length).toBeGreaterThan(0);
    for (const i of interrupted) expect(i.retriedAfterMs, i.mref).toBeLessThan(LEASE_MS);
  });

  it('bounds every request and /health while the connection stalls, then resumes with nothing lost or duplicated', async () => {
    const load = steadyLoad(api, 'stall', 8);
    await sleep(1_500);
    const before = load.phase();

    proxy.stall();
    await sleep(300);
    const probeStarted = performance.now();
    // Raced against a generous bound only so that a /health that hangs fails the test instead of blocking it.
    const stalledHealth = await within(15_000, api.http.get('/health'), '/health during the stall');
    const healthMs = Math.round(performance.now() - probeStarted);
    await sleep(STALL_MS - 300);
    const during = load.phase();
    proxy.resume();
    await waitFor(() => healthy(api), 20_000, 100);
    await sleep(1_000);
    const after = await load.stop();

    expect(stalledHealth.status).toBe(503);
    expect(stalledHealth.json<HealthResponse>().database.ok).toBe(false);
    expect(during.refused.length).toBeGreaterThan(0);
    const all = merge(before, during, after);
    expect(all.other).toEqual({});
    expect(all.refusedWithoutRetryAfter).toBe(0);

    const outcome = await settled(stack);
    console.log(
      `connection stall (PostgreSQL, ${STALL_MS} ms): ${figures(all, outcome)}, ` +
        `max request time during the stall ${during.slowestMs} ms, /health answered in ${healthMs} ms: ${stalledHealth.json<HealthResponse>().database.error}`,
    );
    expectNothingLostOrDuplicated(all, outcome);
  });

  it('is still sent on to the shop while the database is unreachable, long after the settings cache expired', async () => {
    const link = (clickSessionID: string) => `/t/click?${new URLSearchParams({ clickSource: 'aflite', clickSessionID, to: `https://${REDIRECT_HOST}/p/1` })}`;
    const before = await api.get(link(uid('cs')));
    expect(before.status).toBe(302);
    expect(before.header('x-goalpost-click')).toBe('recorded');

    // Longer than the settings cache (2 s): the redirect hosts must come from the settings last read.
    proxy.cut(8_000);
    await sleep(3_000);
    const during = await api.get(link(uid('cs')));
    const pixel = await api.get(`/t/click?clickSource=aflite&clickSessionID=${uid('cs')}`);

    expect(during.status, during.text).toBe(302);
    expect(during.header('location')).toBe(`https://${REDIRECT_HOST}/p/1`);
    expect(during.header('x-goalpost-click')).toBe('not recorded: not stored');
    // A pixel has no visitor to send on: it is refused as the database being away, to be fetched again.
    expect(pixel.status).toBe(503);
  });
});

function databaseAddress(stack: Stack): { host: string; port: number } {
  const direct = new URL(stack.database.databaseUrl ?? '');
  return { host: direct.hostname, port: Number(direct.port || 5432) };
}

function proxiedUrl(stack: Stack, proxy: TcpProxy): string {
  const proxied = new URL(stack.database.databaseUrl ?? '');
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  return proxied.toString();
}

function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

interface Settled {
  stored: Map<string, string>;
  perMref: Record<string, number>;
  duplicates: string[];
}

async function healthy(api: ApiClient): Promise<HealthResponse> {
  const res = await api.http.get('/health');
  expect(res.status, res.text).toBe(200);
  return res.json<HealthResponse>();
}

/** Waits until the worker has nothing left to send, then reads what was committed and what Aflite received. */
async function settled(stack: Stack): Promise<Settled> {
  await waitFor(async () => expect((await stack.api.health()).worker.pending).toBe(0), 60_000, 250);
  const stored = await conversionStatuses(stack.database);
  const report = await stack.sandbox.report();
  return { stored, perMref: report.perMref, duplicates: report.duplicates };
}

/** The figures of one test, over the mrefs it sent (the database also holds the other test's). */
function figures(all: LoadResult, { stored, duplicates }: Settled): string {
  const sent = [...all.acknowledged, ...all.refused];
  const lost = all.acknowledged.filter((mref) => !stored.has(mref));
  const delivered = sent.filter((mref) => stored.get(mref) === 'delivered');
  const other = Object.values(all.other).reduce((a, b) => a + b, 0);
  const refusedButStored = all.refused.filter((mref) => stored.has(mref)).length;
  return (
    `acknowledged ${all.acknowledged.length}, refused 503 ${all.refused.length} (committed anyway ${refusedButStored}), ` +
    `5xx/other ${other}, stored ${sent.filter((mref) => stored.has(mref)).length}, delivered ${delivered.length}, lost ${lost.length}, duplicates ${duplicates.length}`
  );
}

function expectNothingLostOrDuplicated(all: LoadResult, { stored, perMref, duplicates }: Settled): void {
  expect(all.acknowledged.filter((mref) => !stored.has(mref))).toEqual([]);
  expect(all.acknowledged.filter((mref) => stored.get(mref) !== 'delivered')).toEqual([]);
  expect(duplicates).toEqual([]);
  for (const mref of all.acknowledged) expect(perMref[mref], mref).toBe(1);
  // A refused conversion may have committed anyway (its COMMIT's answer was lost): then it is delivered once too.
  for (const mref of all.refused) expect(perMref[mref] ?? 0, mref).toBe(stored.has(mref) ? 1 : 0);
}

/** Sends the sandbox Aflite has received and not yet answered (it answers after its latency fault). */
async function sendsInFlight(stack: Stack): Promise<number> {
  const report = await stack.sandbox.report();
  return report.requests.register - Object.values(report.perMref).reduce((a, b) => a + b, 0);
}

/** Conversions with an attempt closed as interrupted, and how long after it their next attempt started. */
async function interruptedAttempts(stack: Stack): Promise<{ mref: string; retriedAfterMs: number }[]> {
  const rows = await readRows<{ mref: string }>(
    stack.database,
    `SELECT DISTINCT c."mref" FROM "delivery_attempts" a JOIN "conversions" c ON c."id" = a."conversion_id" WHERE a."outcome" = ?`,
    ['interrupted'],
  );
  const out: { mref: string; retriedAfterMs: number }[] = [];
  for (const { mref } of rows) {
    const attempts = await attemptsOf(stack.database, mref);
    const i = attempts.findIndex((a) => a.outcome === 'interrupted');
    const next = attempts[i + 1];
    expect(next, `${mref}: an attempt after the interrupted one`).toBeDefined();
    if (next) out.push({ mref, retriedAfterMs: next.startedAt - attempts[i].startedAt });
  }
  return out;
}
