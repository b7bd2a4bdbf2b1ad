import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid } from '../integration/harness/ids';
import { GOAL_ID, Stack, type ApiInstance } from '../integration/harness/stack';
import { POSTGRES_SKIPPED, POSTGRES_URL } from '../integration/harness/test-database';
import { sleep } from '../integration/harness/wait-for';
import { merge, postConversions } from './support/conversion-load';
import { describeTally, tallyDeliveries } from './support/delivery-check';

/** Instances share the work through the database's leases, which a killed instance holds until they run out. */
describe.skipIf(!POSTGRES_URL)(`two api instances on one PostgreSQL database${POSTGRES_URL ? '' : `: ${POSTGRES_SKIPPED}`}`, () => {
  let stack: Stack;
  let second: ApiInstance | undefined;

  beforeAll(async () => {
    stack = await Stack.start('postgres');
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
  }, 60_000);

  it('delivers each mref exactly once when one instance is killed and restarted midway', async () => {
    const { sandbox } = stack;
    // Aflite answers slowly, so each instance has sends in flight when B dies.
    await sandbox.setFault({ latencyMs: 150, errorRate: 1 });
    second = await stack.startInstance('api-b');
    const batch = (prefix: string) => Array.from({ length: 300 }, () => uid(prefix));

    const first = await Promise.all([postConversions(stack.api, batch('a1'), 8), postConversions(second.api, batch('b1'), 8)]);
    // Both instances hold leases on in-flight deliveries when B dies.
    await sleep(300);
    await second.kill();
    const whileDown = await postConversions(stack.api, batch('a2'), 8);
    second = await stack.startInstance('api-b', {}, second.port);
    const after = await Promise.all([postConversions(stack.api, batch('a3'), 8), postConversions(second.api, batch('b3'), 8)]);
    await sandbox.clearFaults();

    const all = merge(...first, whileDown, ...after);
    expect(all.other).toEqual({});
    const tally = await tallyDeliveries(stack.api, sandbox, all.acknowledged, 180_000);
    const report = await sandbox.report();
    console.log(`two instances, one killed (postgres): ${describeTally(tally)}, sends ${report.requests.register}, goals-feed checks ${report.requests.goals}`);
    expect(tally.lost).toEqual([]);
    expect(tally.undelivered).toEqual([]);
    expect(tally.duplicates).toEqual([]);
    expect(tally.deliveredOnce).toBe(all.acknowledged.length);
    // B died mid-send: A took over its leases and asked the goals feed before sending those again.
    expect(report.requests.goals).toBeGreaterThan(0);
  });

  it('records the same mref posted 20 times at once across both instances once, and delivers it once, with no 5xx', async () => {
    second ??= await stack.startInstance('api-b');
    const { sandbox } = stack;
    for (let round = 0; round < 5; round++) {
      const mref = uid('burst');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 || !second ? stack.api : second.api).postConversion({ goalId: GOAL_ID, mref, value: '9.99', clickSessionID: `cs-${mref}` }),
        ),
      );
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(19);
      expect(new Set(answers.map((res) => res.json<{ id: number }>().id)).size).toBe(1);
      await stack.api.waitForStatus(GOAL_ID, mref, 'delivered');
      expect((await sandbox.report()).perMref[mref]).toBe(1);
    }
  });
});
