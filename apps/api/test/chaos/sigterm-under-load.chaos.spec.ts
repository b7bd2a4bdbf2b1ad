import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../integration/harness/dialects';
import { uid } from '../integration/harness/ids';
import type { ExitInfo } from '../integration/harness/child-process';
import type { Stack } from '../integration/harness/stack';
import { GOAL_ID } from '../integration/harness/stack';
import { waitFor } from '../integration/harness/wait-for';
import { countBy, postUntil, type SentConversion } from './support/keep-alive-load';
import { readStoredRows } from './support/stopped-api-rows';

const GRACE_MS = 10_000;
/** CLOSE_MARGIN_MS of lifecycle/exit-on-signals.ts: past it the api gives up and exits 1. */
const MARGIN_MS = 5_000;
const CONNECTIONS = 16;
/** How long the load runs before the SIGTERM. */
const LOAD_BEFORE_STOP_MS = 3_000;
/** How long before the signal a request may have been sent and still be in transit, unread by the server. */
const IN_TRANSIT_MS = 25;
/** Time for Aflite's answers to deliveries in flight; the api's call timeout is raised above it. */
const SLOW_AFLITE_MS = 2_000;
const SLOW_TUNING = { DELIVERY_TIMEOUT_MS: '5000', DELIVERY_LEASE_MS: '40000' };
/** The shortest lease for a 2 s call timeout: after a forced exit, the next run waits that long for it. */
const SHORT_LEASE_TUNING = { DELIVERY_TIMEOUT_MS: '2000', DELIVERY_LEASE_MS: '14000' };

/** Resolves with how the process exited, or fails once the grace period and its margin are over. */
async function exitWithinGrace(exited: Promise<ExitInfo>): Promise<ExitInfo> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the api did not exit within ${GRACE_MS + MARGIN_MS} ms of SIGTERM`)), GRACE_MS + MARGIN_MS);
  });
  try {
    return await Promise.race([exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh api on the same data, left running until every delivery is done. */
async function restartAndDeliver(stack: Stack, overrides: Record<string, string> = {}): Promise<void> {
  await stack.stopApi();
  const api = await stack.startApi(overrides);
  await waitFor(async () => expect((await api.health()).worker.pending).toBe(0), 120_000, 250);
  await stack.stopApi();
}

describeEachDialect('SIGTERM', (ctx, dialect) => {
  it('under full-speed keep-alive load: refuses at once, answers what it accepted, loses nothing and exits 0 within the grace period', async () => {
    const { stack } = ctx;
    const api = await stack.useApi({ SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    let markStopped: (value: unknown) => void = () => undefined;
    const stopped = new Promise((resolve) => (markStopped = resolve));
    const load = postUntil(api.url, stack.ingestKey, CONNECTIONS, stopped, uid('flood'));

    await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_STOP_MS));
    const stopAt = performance.now();
    const exit = await exitWithinGrace(stack.signalApi('SIGTERM'));
    const tookMs = Math.round(performance.now() - stopAt);
    markStopped(null);
    const sent = await load;

    const before = sent.filter((s) => s.sentAt < stopAt);
    const after = sent.filter((s) => s.sentAt >= stopAt);
    // Sent just before the signal, still on the wire when the server closed its idle keep-alive sockets: the
    // classic keep-alive race, which no server can close (the request never reached it). Never acknowledged.
    const clearlyBefore = before.filter((s) => s.sentAt < stopAt - IN_TRANSIT_MS);
    const acknowledged = sent.filter((s) => s.result === 'acknowledged');
    const refused = sent.filter((s) => s.result === 'refused');
    const errors = sent.filter((s) => s.result === 'connection-error');
    const ofKind = (list: SentConversion[], result: SentConversion['result']) => list.filter((s) => s.result === result).length;

    await restartAndDeliver(stack);
    const stored = await readStoredRows(stack.database);
    const report = await stack.sandbox.report();
    const lost = acknowledged.filter((s) => !stored.conversions.has(s.mref));
    const undelivered = acknowledged.filter((s) => stored.conversions.get(s.mref) !== 'delivered');
    const refusedButStored = refused.filter((s) => stored.conversions.has(s.mref));
    const errorsStored = errors.filter((s) => stored.conversions.has(s.mref)).length;
    // In flight at the SIGTERM: accepted before the stop and answered after it.
    const finishedAfterStop = acknowledged.filter((s) => s.sentAt < stopAt && s.answeredAt >= stopAt).length;
    const notOnce = acknowledged.filter((s) => report.perMref[s.mref] !== 1);

    console.log(
      `SIGTERM under load (${dialect}): sent ${sent.length} over ${CONNECTIONS} keep-alive connections; ` +
        `before the stop: acknowledged ${ofKind(before, 'acknowledged')} (answered after it: ${finishedAfterStop}), refused ${ofKind(before, 'refused')}, errors ${ofKind(before, 'connection-error')}; ` +
        `after: acknowledged ${ofKind(after, 'acknowledged')}, refused ${ofKind(after, 'refused')}, errors ${ofKind(after, 'connection-error')} ${JSON.stringify(countBy(errors, (e) => e.detail))}; ` +
        `stored ${stored.conversions.size} (of the errors: ${errorsStored}), delivered ${acknowledged.length - undelivered.length}, lost ${lost.length}, ` +
        `duplicates ${report.duplicates.length}; attempts ${JSON.stringify(stored.attempts)}; exit ${exit.signal ?? `code ${exit.code}`} after ${tookMs} ms`,
    );
    expect(exit).toEqual({ code: 0, signal: null });
    // The stop was met under load, and met with 503s.
    expect(ofKind(before, 'acknowledged')).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((s) => !s.retryAfter)).toEqual([]);
    expect(sent.filter((s) => s.result === 'other-status')).toEqual([]);
    // A broken connection only for requests sent once the stop had begun; none acknowledged and lost.
    expect(clearlyBefore.filter((s) => s.result === 'connection-error')).toEqual([]);
    expect(lost).toEqual([]);
    expect(refusedButStored).toEqual([]);
    expect(undelivered).toEqual([]);
    expect(notOnce).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(Object.keys(stored.attempts).filter((k) => k.includes('UND_ERR_DESTROYED'))).toEqual([]);
  });

  it('with deliveries in flight: lets them finish within the grace period, recorded delivered and not ambiguous', async () => {
    const { stack } = ctx;
    const api = await stack.useApi({ ...SLOW_TUNING, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    await stack.sandbox.setFault({ latencyMs: SLOW_AFLITE_MS, paths: ['register'] });
    const mrefs = Array.from({ length: 6 }, () => uid('slow'));
    for (const mref of mrefs) await api.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });
    await waitFor(async () => expect((await stack.sandbox.report()).requests.register).toBe(mrefs.length), 10_000);

    const stopAt = performance.now();
    const exit = await exitWithinGrace(stack.signalApi('SIGTERM'));
    const tookMs = Math.round(performance.now() - stopAt);
    await stack.stopApi();
    const stored = await readStoredRows(stack.database);
    const report = await stack.sandbox.report();
    const statuses = countBy(mrefs, (mref) => stored.conversions.get(mref) ?? 'missing');
    const attempts = countBy(
      mrefs.flatMap((mref) => stored.attemptsOf.get(mref) ?? []),
      (a) => a,
    );
    console.log(
      `SIGTERM with ${mrefs.length} deliveries in flight (${dialect}, Aflite answering after ${SLOW_AFLITE_MS} ms): exit ${exit.signal ?? `code ${exit.code}`} ` +
        `after ${tookMs} ms; conversions ${JSON.stringify(statuses)}; their attempts ${JSON.stringify(attempts)}; duplicates ${report.duplicates.length}`,
    );
    expect(exit).toEqual({ code: 0, signal: null });
    expect(statuses).toEqual({ delivered: mrefs.length });
    // One attempt each, answered by Aflite: none ambiguous, none cut by our own pool closing.
    for (const mref of mrefs) expect(stored.attemptsOf.get(mref), mref).toEqual(['send/delivered/-']);
    for (const mref of mrefs) expect(report.perMref[mref], mref).toBe(1);
  });

  it('a second signal exits at once; what was in flight is checked with Aflite and delivered once by the next run', async () => {
    const { stack } = ctx;
    const api = await stack.useApi({ ...SHORT_LEASE_TUNING, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    // Aflite records the goal and never answers: the first SIGTERM would wait the whole grace period.
    await stack.sandbox.setFault({ hang: 'after-record', paths: ['register'] });
    const mref = uid('hung');
    await api.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });
    await waitFor(async () => expect((await stack.sandbox.report()).requests.register).toBe(1), 10_000);

    const exited = stack.signalApi('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopAt = performance.now();
    stack.signalApi('SIGTERM').catch(() => undefined);
    const exit = await exitWithinGrace(exited);
    const tookMs = Math.round(performance.now() - stopAt);
    await stack.sandbox.clearFaults();
    // The forced exit handed nothing back: the next run waits for the lease, then asks Aflite before sending.
    await restartAndDeliver(stack, SHORT_LEASE_TUNING);
    const stored = await readStoredRows(stack.database);
    const report = await stack.sandbox.report();
    console.log(
      `second SIGTERM (${dialect}): exit ${exit.signal ?? `code ${exit.code}`} ${tookMs} ms after it; next run: ${stored.conversions.get(mref)}, ` +
        `attempts ${JSON.stringify(stored.attemptsOf.get(mref))}, sent to Aflite ${report.perMref[mref] ?? 0}x`,
    );
    expect(exit).toEqual({ code: 1, signal: null });
    expect(stored.conversions.get(mref)).toBe('delivered');
    expect(report.perMref[mref]).toBe(1);
    expect(report.duplicates).toEqual([]);
  });
});
