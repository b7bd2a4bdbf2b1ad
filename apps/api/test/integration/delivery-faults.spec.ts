import { expect, it } from 'vitest';
import { describeEachDialect } from './harness/dialects';
import { uid } from './harness/ids';
import { GOAL_ID } from './harness/stack';
import { sleep, waitFor } from './harness/wait-for';

/** DELIVERY_MAX_ATTEMPTS in the stack's tuning. */
const MAX_ATTEMPTS = 4;
/** Longer than DELIVERY_RETRY_MAX_MS plus a poll: any retry would have been sent by then. */
const LONGER_THAN_ANY_RETRY_MS = 1_500;

describeEachDialect('delivery when Aflite misbehaves', (ctx) => {
  it('retries a 503 and then delivers, once', async () => {
    const { api, sandbox } = ctx.stack;
    await sandbox.setFault({ status: 503, count: 2 });
    const mref = uid('order');
    await api.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });

    await api.waitForStatus(GOAL_ID, mref, 'delivered');
    expect(await sandbox.registerRequestsFor(mref)).toHaveLength(3);
    const report = await sandbox.report();
    expect(report.perMref).toEqual({ [mref]: 1 });
    expect(report.goals.map((g) => g.mref)).toEqual([mref]);
  });

  it('fails a 400 at once, without retrying', async () => {
    const { api, sandbox } = ctx.stack;
    await sandbox.setFault({ status: 400, count: 1 });
    const mref = uid('order');
    await api.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });

    await api.waitForStatus(GOAL_ID, mref, 'failed');
    await sleep(LONGER_THAN_ANY_RETRY_MS);
    expect(await sandbox.registerRequestsFor(mref)).toHaveLength(1);
    expect((await sandbox.report()).perMref).toEqual({});
    expect((await api.storedConversion(GOAL_ID, mref)).status).toBe('failed');
    expect((await api.health()).worker.pending).toBe(0);
  });

  it('after a timeout, asks the goals feed and marks the goal delivered instead of sending it again', async () => {
    const { api, sandbox } = ctx.stack;
    // Aflite records the goal and then never answers: the api times out not knowing whether it counted.
    await sandbox.setFault({ hang: 'after-record', count: 1 });
    const mref = uid('order');
    await api.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });

    await api.waitForStatus(GOAL_ID, mref, 'delivered');
    expect(await sandbox.registerRequestsFor(mref)).toHaveLength(1);
    expect((await sandbox.goalsFeedRequestsFor(mref)).length).toBeGreaterThanOrEqual(1);
    const report = await sandbox.report();
    expect(report.perMref).toEqual({ [mref]: 1 });
    expect(report.duplicates).toEqual([]);
  });

  it('holds deliveries while Aflite is down and sends each once when it is back', async () => {
    const { api, sandbox } = ctx.stack;
    await sandbox.setFault({ status: 503 });
    const mrefs = [uid('order'), uid('order'), uid('order'), uid('order')];
    await Promise.all(mrefs.map((mref) => api.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') })));

    const held = await waitFor(async () => {
      const health = await api.health();
      expect(health.upstream.circuit).not.toBe('closed');
      expect(health.upstream.held).toBeGreaterThan(0);
      return health;
    });
    expect(held.status).toBe('degraded');
    for (const mref of mrefs) expect((await api.storedConversion(GOAL_ID, mref)).status).toBe('pending');
    // The circuit, not the retry budget, absorbed the outage: no delivery used up its attempts.
    expect((await sandbox.report()).requests.register).toBeLessThan(mrefs.length * MAX_ATTEMPTS);

    await sandbox.clearFaults();
    for (const mref of mrefs) await api.waitForStatus(GOAL_ID, mref, 'delivered', 15_000);
    const report = await sandbox.report();
    expect(report.perMref).toEqual(Object.fromEntries(mrefs.map((mref) => [mref, 1])));
    const health = await api.health();
    expect(health.upstream).toMatchObject({ circuit: 'closed', held: 0 });
    expect(health.worker.pending).toBe(0);
  });

  it('delivers once when the api is killed mid-send and a new process takes over', async () => {
    const { sandbox } = ctx.stack;
    // A timeout long enough to keep the first process waiting on Aflite's answer until it is killed, and
    // the shortest lease the api accepts with it: the new process waits that long before it may claim.
    const first = await ctx.stack.useApi({ DELIVERY_TIMEOUT_MS: '2000', DELIVERY_LEASE_MS: '14000' });
    await sandbox.setFault({ hang: 'after-record', count: 1 });
    const mref = uid('order');
    await first.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });
    await waitFor(async () => expect((await sandbox.report()).perMref[mref]).toBe(1));

    await ctx.stack.killApi();
    await sandbox.clearFaults();
    const second = await ctx.stack.useApi();

    // The dead process's lease (DELIVERY_LEASE_MS) must run out before the new one may claim the delivery.
    await second.waitForStatus(GOAL_ID, mref, 'delivered', 20_000);
    expect(await sandbox.registerRequestsFor(mref)).toHaveLength(1);
    expect((await sandbox.goalsFeedRequestsFor(mref)).length).toBeGreaterThanOrEqual(1);
    expect((await sandbox.report()).perMref).toEqual({ [mref]: 1 });
  });
});
