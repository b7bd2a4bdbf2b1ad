import { expect, it } from 'vitest';
import type { ApiClient } from '../integration/harness/api-client';
import { describeEachDialect } from '../integration/harness/dialects';
import { uid } from '../integration/harness/ids';
import { GOAL_ID } from '../integration/harness/stack';
import { sleep } from '../integration/harness/wait-for';
import { describeTally, tallyDeliveries } from './support/delivery-check';

const CONVERSIONS = 3_000;
const KILLS = 3;
/** Time between a restart and the next kill: conversions and deliveries are in flight at each one. */
const RUN_BETWEEN_KILLS_MS = 1_200;

/**
 * A merchant's order system: posts each conversion until it gets an answer, retrying after a broken connection
 * (the api was killed) or a 503 the way its job queue would. An mref counts as acknowledged on its 2xx.
 */
async function postUntilAnswered(currentApi: () => ApiClient | null, mrefs: string[], concurrency: number) {
  const acknowledged: string[] = [];
  const retried = new Map<string, number>();
  let broken = 0;
  let next = 0;
  const worker = async () => {
    while (next < mrefs.length) {
      const mref = mrefs[next++];
      for (;;) {
        const api = currentApi();
        if (!api) {
          await sleep(50);
          continue;
        }
        try {
          const res = await api.postConversion({ goalId: GOAL_ID, mref, value: '12.50', clickSessionID: `cs-${mref}` });
          if (res.status === 201 || res.status === 200) {
            acknowledged.push(mref);
            break;
          }
          if (res.status !== 503) throw new Error(`${mref}: answered ${res.status} ${res.text}`);
        } catch (error) {
          if (!(error as { code?: string }).code) throw error;
          broken += 1;
        }
        retried.set(mref, (retried.get(mref) ?? 0) + 1);
        await sleep(50);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { acknowledged, broken, retriedMrefs: retried.size };
}

describeEachDialect('kill -9 during a load of conversions', (ctx, dialect) => {
  it(`loses no acknowledged conversion and sends none twice through ${KILLS} crashes`, async () => {
    const { sandbox } = ctx.stack;
    // Aflite answers a little slowly, so deliveries are in flight when the api dies.
    await sandbox.setFault({ latencyMs: 30, errorRate: 1 });
    let up = true;
    const mrefs = Array.from({ length: CONVERSIONS }, () => uid('crash'));
    const load = postUntilAnswered(() => (up ? ctx.stack.api : null), mrefs, 16);
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(RUN_BETWEEN_KILLS_MS);
      up = false;
      await ctx.stack.killApi();
      await ctx.stack.startApi();
      up = true;
    }
    const { acknowledged, broken, retriedMrefs } = await load;
    await sandbox.clearFaults();
    const tally = await tallyDeliveries(ctx.stack.api, sandbox, acknowledged);
    console.log(`kill -9 ×${KILLS} (${dialect}): ${describeTally(tally)}; ${broken} requests broken by the crashes, ${retriedMrefs} mrefs posted again`);
    expect(broken).toBeGreaterThan(0);
    expect(acknowledged).toHaveLength(CONVERSIONS);
    expect(tally.lost).toEqual([]);
    expect(tally.undelivered).toEqual([]);
    expect(tally.duplicates).toEqual([]);
    expect(tally.deliveredOnce).toBe(CONVERSIONS);
  });
});
