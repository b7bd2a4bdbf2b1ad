import { classifyRegisterGoal } from '@goalpost/aflite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { seedConversion, seedGoal } from '../../test/support/seed';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import type { GoalEntity } from '../goals/goal.entity';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings.types';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository, INTERRUPTED_REASON } from './delivery.repository';
import { leaseOwnerId } from './lease-owner';
import { ClaimStage, type PlannedDelivery } from './stages/claim';
import { decide } from './stages/decide';
import { FinishStage } from './stages/finish';
import type { SentCall, SendAnswer } from './stages/send';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, afliteApiKey: 'key-1234', afliteMid: '1001', afliteBaseUrl: 'http://aflite.test' };
const ME = 'api-1:100:aaaaaa';
type Claimed = PlannedDelivery & { first: NonNullable<PlannedDelivery['first']> };
const OTHER = 'api-2:200:bbbbbb';

describe('deliveries under a lease', () => {
  let t: TestApp;
  let goal: GoalEntity;
  let seq = 0;

  beforeAll(async () => {
    t = await bootApp();
    goal = await seedGoal(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A fresh due delivery, claimed by `owner`. */
  async function claimNew(owner: string): Promise<Claimed> {
    const conversion = await seedConversion(t.app, { goal, mref: `LEASE-${++seq}`, createdAt: Date.now() - 1_000 });
    const claimed = await t.app.get(ClaimStage).run({ owner, now: Date.now(), limit: 100, leaseMs: 60_000, settings: SETTINGS });
    const item = claimed.find((c) => c.conversion.id === conversion.id);
    if (!item?.first) throw new Error('the seeded delivery was not claimed with a first call');
    return { ...item, first: item.first };
  }

  /** What happens when a lease runs out and another instance claims the delivery meanwhile. */
  async function takeOver(item: PlannedDelivery, owner: string): Promise<void> {
    await t.app.get(Db).write((m) => m.update(DeliveryEntity, { id: item.delivery.id }, { leaseOwner: owner, leaseUntil: Date.now() + 60_000 }));
  }

  function deliveredAnswer(item: Claimed): SentCall<SendAnswer> {
    const response = { status: 200, headers: {}, body: `OK goal registered mref=${item.conversion.mref}` };
    return {
      attemptId: item.first.attemptId,
      columns: { statusCode: 200, responseHeaders: '{}', responseBody: response.body, durationMs: 5 },
      answer: { kind: 'send', verdict: classifyRegisterGoal({ response, merchantRef: item.conversion.mref }) },
    };
  }

  const decideOn = (item: PlannedDelivery, sent: SentCall<SendAnswer>) =>
    decide({ answer: sent.answer, attemptsUsed: item.delivery.attemptCount, policy: SETTINGS, probe: false, now: Date.now(), jitter: 0 });

  const rows = async (item: PlannedDelivery) => {
    const m = t.app.get(Db).manager;
    return {
      delivery: await m.findOneByOrFail(DeliveryEntity, { id: item.delivery.id }),
      conversion: await m.findOneByOrFail(ConversionEntity, { id: item.conversion.id }),
      attempts: await m.find(DeliveryAttemptEntity, { where: { conversionId: item.conversion.id }, order: { id: 'ASC' } }),
    };
  };

  it('commits the first call as in flight with the claim, and writes the outcome while the lease is ours', async () => {
    const item = await claimNew(ME);
    const claimed = await rows(item);
    expect(claimed.delivery).toMatchObject({ leaseOwner: ME, needsReconcile: true });
    expect(claimed.attempts.map((a) => [a.id, a.kind, a.outcome])).toEqual([[item.first.attemptId, 'send', 'in-flight']]);

    const sent = deliveredAnswer(item);
    expect(await t.app.get(FinishStage).run(item, sent, decideOn(item, sent))).toBe('written');
    const after = await rows(item);
    expect(after.delivery).toMatchObject({ state: 'delivered', attemptCount: 1, leaseOwner: null, leaseUntil: null, needsReconcile: false });
    expect(after.conversion.status).toBe('delivered');
    expect(after.attempts.map((a) => a.outcome)).toEqual(['delivered']);
  });

  it('after another instance took the delivery over, closes only its own attempt', async () => {
    const item = await claimNew(ME);
    await takeOver(item, OTHER);

    const sent = deliveredAnswer(item);
    expect(await t.app.get(FinishStage).run(item, sent, decideOn(item, sent))).toBe('lease-lost');
    const after = await rows(item);
    expect(after.delivery).toMatchObject({ state: 'pending', attemptCount: 0, leaseOwner: OTHER, needsReconcile: true });
    expect(after.conversion).toMatchObject({ status: 'pending', deliveredAt: null });
    expect(after.attempts.map((a) => [a.outcome, a.statusCode])).toEqual([['delivered', 200]]);
  });

  it('records no send once the lease is lost, so the send never leaves', async () => {
    const repo = t.app.get(DeliveryRepository);
    const item = await claimNew(ME);
    const attempt = { ...item.first.attempt, startedAt: Date.now() };
    expect(await repo.recordSendAttempt(item.lease, attempt)).toEqual(expect.any(Number));

    await takeOver(item, OTHER);
    expect(await repo.recordSendAttempt(item.lease, attempt)).toBeNull();
    expect((await rows(item)).attempts).toHaveLength(2);
  });

  it('does not postpone a delivery another instance holds', async () => {
    const repo = t.app.get(DeliveryRepository);
    const item = await claimNew(ME);
    await takeOver(item, OTHER);
    expect(await repo.postpone(item.lease, Date.now() + 30_000, 'not configured')).toBe('lease-lost');
    expect((await rows(item)).delivery).toMatchObject({ leaseOwner: OTHER, lastError: null, nextAttemptAt: item.delivery.nextAttemptAt });

    const mine = await claimNew(ME);
    expect(await repo.postpone(mine.lease, Date.now() + 30_000, 'not configured')).toBe('written');
    expect((await rows(mine)).delivery).toMatchObject({ leaseOwner: null, lastError: 'not configured' });
  });

  it('closes the attempt a dead claimer left in flight as interrupted, in the claim that takes the delivery over', async () => {
    const item = await claimNew(ME);
    // ME dies mid-send: nothing closes its attempt, and its lease runs out.
    await t.app.get(Db).write((m) => m.update(DeliveryEntity, { id: item.delivery.id }, { leaseUntil: Date.now() - 1 }));

    const again = await t.app.get(ClaimStage).run({ owner: OTHER, now: Date.now(), limit: 100, leaseMs: 60_000, settings: SETTINGS });
    const taken = again.find((c) => c.delivery.id === item.delivery.id);
    expect(taken?.first?.attempt.kind).toBe('reconcile');
    const after = await rows(item);
    expect(after.delivery.leaseOwner).toBe(OTHER);
    expect(after.attempts.map((a) => [a.id, a.kind, a.outcome])).toEqual([
      [item.first.attemptId, 'send', 'interrupted'],
      [taken?.first?.attemptId, 'reconcile', 'in-flight'],
    ]);
    expect(after.attempts[0].reason).toBe(INTERRUPTED_REASON);
  });

  it('gives back the leases its owner holds but does not use, and no other', async () => {
    const repo = t.app.get(DeliveryRepository);
    const busy = await claimNew(ME);
    const idle = await claimNew(ME);
    const theirs = await claimNew(OTHER);

    expect(await repo.releaseIdle(ME, [busy.delivery.id])).toBeGreaterThanOrEqual(1);
    expect((await rows(busy)).delivery).toMatchObject({ leaseOwner: ME });
    expect((await rows(idle)).delivery).toMatchObject({ leaseOwner: null, leaseUntil: null, needsReconcile: true });
    expect((await rows(theirs)).delivery).toMatchObject({ leaseOwner: OTHER });
    // Due at once again: the next claim takes it, without waiting for the lease it had.
    const next = await t.app.get(ClaimStage).run({ owner: ME, now: Date.now(), limit: 100, leaseMs: 60_000, settings: SETTINGS });
    expect(next.map((c) => c.delivery.id)).toContain(idle.delivery.id);
  });

  it('claims under the owner id of an instance with a 200-character host name', async () => {
    const owner = leaseOwnerId(`pod-${'x'.repeat(196)}`, 4_194_304, 'cccccc');
    const item = await claimNew(owner);
    expect((await rows(item)).delivery.leaseOwner).toBe(owner);
  });
});
