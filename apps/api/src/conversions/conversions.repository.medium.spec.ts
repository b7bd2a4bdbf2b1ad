import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { seedClick, seedGoal } from '../../test/support/seed';
import { ClicksService } from '../clicks/clicks.service';
import { Db } from '../database/db.service';
import { DeliveryEntity } from '../delivery/delivery.entity';
import { GoalEntity } from '../goals/goal.entity';
import { ConversionEntity } from './conversion.entity';
import { ConversionsRepository, type NewConversion } from './conversions.repository';
import { ConversionsService } from './conversions.service';

describe('conversion batches', () => {
  let t: TestApp;
  let db: Db;
  let goal: GoalEntity;
  let other: GoalEntity;
  const job = (mref: string, clickSessionId: string | null, g = goal): NewConversion => ({
    goal: g,
    mref,
    valueMinor: 1250,
    clickSessionId,
    ...(clickSessionId ? {} : { clickId: null }),
    attribution: clickSessionId ? 'explicit' : 'none',
    source: 'api',
    at: Date.now(),
  });
  const deliveriesOf = (conversionId: number) => db.manager.countBy(DeliveryEntity, { conversionId });

  beforeAll(async () => {
    t = await bootApp();
    db = t.app.get(Db);
    goal = await seedGoal(t.app, '5', 'Sale');
    other = await seedGoal(t.app, '6', 'Sign-up');
    await seedClick(t.app, 'cs-known', Date.now());
  });
  afterAll(() => t.close());

  it('writes mixed attributed and unattributed jobs, answers repeats as duplicates of the first, and resolves click ids', async () => {
    const stored = await db.write((m) => t.app.get(ConversionsRepository).insertOnce(m, job('B-OLD', 'cs-known')));
    const known = await t.app.get(ClicksService).findBySessionId('cs-known');
    const jobs = [
      job('B1', 'cs-known'),
      job('B2', null),
      job('B1', 'cs-other'),
      job('B-OLD', 'cs-known'),
      job('B1', 'cs-known', other),
      job('B3', 'cs-unknown'),
    ];
    const results = await db.write((m) => t.app.get(ConversionsRepository).insertMany(m, jobs));

    expect(results.map((r) => [r.conversion.mref, r.conversion.goalId, r.duplicate])).toEqual([
      ['B1', goal.id, false],
      ['B2', goal.id, false],
      ['B1', goal.id, true],
      ['B-OLD', goal.id, true],
      ['B1', other.id, false],
      ['B3', goal.id, false],
    ]);
    expect(results[2].conversion.id).toBe(results[0].conversion.id);
    expect(results[3].conversion.id).toBe(stored.conversion.id);
    expect(results[0].conversion).toMatchObject({
      status: 'pending',
      clickSessionId: 'cs-known',
      clickId: known?.id,
      isTest: false,
      valueMinor: 1250,
      afliteGoalId: '5',
    });
    expect(results[1].conversion).toMatchObject({ status: 'unattributed', clickSessionId: null, clickId: null, attribution: 'none' });
    expect(results[5].conversion).toMatchObject({ status: 'pending', clickSessionId: 'cs-unknown', clickId: null });

    expect(await db.manager.countBy(ConversionEntity, { mref: 'B1', goalId: goal.id })).toBe(1);
    expect(await deliveriesOf(results[0].conversion.id)).toBe(1);
    expect(await deliveriesOf(results[1].conversion.id)).toBe(0);
    expect(await deliveriesOf(results[4].conversion.id)).toBe(1);
    expect(await deliveriesOf(stored.conversion.id)).toBe(1);
    const delivery = await db.manager.findOneByOrFail(DeliveryEntity, { conversionId: results[5].conversion.id });
    expect(delivery).toMatchObject({ state: 'pending', attemptCount: 0, leaseOwner: null, needsReconcile: false, nextTrigger: 'auto', reconciled: false });
  });

  it('keeps one conversion per (goal, mref) when many requests for it arrive together', async () => {
    const service = t.app.get(ConversionsService);
    const inputs = [...Array.from({ length: 6 }, (_, i) => `C${i % 3}`), 'C0', 'C1'].map((mref) => ({
      afliteGoalId: '5',
      mref,
      value: '3.00',
      clickSessionId: 'cs-known',
      source: 'api' as const,
    }));
    const results = await Promise.all(inputs.map((input) => service.record(input)));
    for (const mref of ['C0', 'C1', 'C2']) {
      const mine = results.filter((r) => r.mref === mref);
      expect(new Set(mine.map((r) => r.id)).size).toBe(1);
      expect(mine.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(await db.manager.countBy(ConversionEntity, { mref, isTest: false })).toBe(1);
      expect(await deliveriesOf(mine[0].id)).toBe(1);
    }
  });
});
