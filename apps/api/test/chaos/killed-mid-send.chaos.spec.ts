import { expect, it } from 'vitest';
import { describeEachDialect } from '../integration/harness/dialects';
import { uid } from '../integration/harness/ids';
import { GOAL_ID } from '../integration/harness/stack';
import { waitFor } from '../integration/harness/wait-for';
import { attemptsOf } from './support/stored-rows';

describeEachDialect('An api killed with -9 mid-send', (ctx) => {
  it('leaves its attempt in flight, and the process that takes the delivery over closes it as interrupted and delivers once', async () => {
    const { sandbox, database } = ctx.stack;
    // Aflite records the goal and never answers, so the first process is mid-send when it is killed. Its lease is the
    // shortest the api accepts with that timeout; the next process may claim only once it has run out.
    const first = await ctx.stack.useApi({ DELIVERY_TIMEOUT_MS: '2000', DELIVERY_LEASE_MS: '14000' });
    await sandbox.setFault({ hang: 'after-record', count: 1 });
    const mref = uid('killed');
    await first.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });
    await waitFor(async () => expect((await sandbox.report()).perMref[mref]).toBe(1));

    await ctx.stack.killApi();
    await sandbox.clearFaults();
    const left = await attemptsOf(database, mref);
    expect(left.map((a) => [a.kind, a.outcome])).toEqual([['send', 'in-flight']]);

    const second = await ctx.stack.useApi();
    await second.waitForStatus(GOAL_ID, mref, 'delivered', 30_000);
    const attempts = await attemptsOf(database, mref);
    console.log(
      `killed mid-send (${ctx.stack.dialect}): attempts ${attempts.map((a) => `${a.kind}:${a.outcome}`).join(', ')}; ` +
        `register requests ${(await sandbox.registerRequestsFor(mref)).length}`,
    );
    expect(attempts[0]).toMatchObject({ id: left[0].id, kind: 'send', outcome: 'interrupted' });
    expect(attempts[0].reason).toMatch(/No outcome was recorded/);
    // The takeover asked Aflite first, found the goal, and sent nothing again.
    expect(attempts.slice(1).map((a) => [a.kind, a.outcome])).toEqual([['reconcile', 'reconciled']]);
    expect(await sandbox.registerRequestsFor(mref)).toHaveLength(1);
    expect((await sandbox.report()).duplicates).toEqual([]);
  });
});
