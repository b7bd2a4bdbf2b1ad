import type { INestApplicationContext } from '@nestjs/common';
import type { AttemptOutcome, ConversionStatus } from '@goalpost/contracts';
import { ClickEntity } from '../../src/clicks/click.entity';
import { ClickTokenEntity } from '../../src/clicks/click-token.entity';
import { ConversionEntity } from '../../src/conversions/conversion.entity';
import { Db } from '../../src/database/db.service';
import { DeliveryAttemptEntity } from '../../src/delivery/delivery-attempt.entity';
import { DeliveryEntity, type DeliveryState } from '../../src/delivery/delivery.entity';
import { GoalEntity } from '../../src/goals/goal.entity';
import { GoalsService } from '../../src/goals/goals.service';

/** Spec support: rows written straight to the database, for states that take the worker minutes to reach. */
export function seedGoal(app: INestApplicationContext, afliteGoalId = '5', name = 'Sale', defaultValueMinor: number | null = 1000): Promise<GoalEntity> {
  return app.get(GoalsService).create({ afliteGoalId, name, defaultValueMinor });
}

export interface SeedConversion {
  goal: GoalEntity;
  mref: string;
  createdAt?: number;
  status?: ConversionStatus;
  isTest?: boolean;
  clickSessionId?: string | null;
  valueMinor?: number;
  deliveredAt?: number | null;
  delivery?: { state: DeliveryState; attemptCount?: number; lastError?: string | null; reconciled?: boolean; nextAttemptAt?: number };
  attempts?: {
    outcome: AttemptOutcome;
    kind?: 'send' | 'reconcile';
    statusCode?: number | null;
    body?: string | null;
    reason?: string | null;
    startedAt?: number;
  }[];
}

export async function seedConversion(app: INestApplicationContext, s: SeedConversion): Promise<ConversionEntity> {
  const db = app.get(Db);
  const createdAt = s.createdAt ?? Date.now();
  const status = s.status ?? 'pending';
  const clickSessionId = s.clickSessionId === undefined ? `click-${s.mref}` : s.clickSessionId;
  return db.write(async (m) => {
    const conversion = await m.save(
      m.create(ConversionEntity, {
        goalId: s.goal.id,
        afliteGoalId: s.goal.afliteGoalId,
        mref: s.mref,
        valueMinor: s.valueMinor ?? 1099,
        clickSessionId,
        clickId: null,
        attribution: clickSessionId ? 'explicit' : 'none',
        source: 'api',
        status,
        isTest: s.isTest ?? false,
        createdAt,
        deliveredAt: s.deliveredAt ?? (status === 'delivered' ? createdAt + 1_000 : null),
      }),
    );
    const delivery =
      s.delivery ?? (clickSessionId && !s.isTest ? { state: status === 'delivered' ? 'delivered' : status === 'failed' ? 'failed' : 'pending' } : null);
    if (delivery) {
      await m.insert(DeliveryEntity, {
        conversionId: conversion.id,
        state: delivery.state as DeliveryState,
        attemptCount: delivery.attemptCount ?? 0,
        nextAttemptAt: delivery.nextAttemptAt ?? createdAt,
        leaseOwner: null,
        leaseUntil: null,
        needsReconcile: false,
        forceSend: false,
        nextTrigger: 'auto',
        lastError: delivery.lastError ?? null,
        reconciled: delivery.reconciled ?? false,
        createdAt,
        updatedAt: createdAt,
      });
    }
    for (const [i, a] of (s.attempts ?? []).entries()) {
      await m.insert(DeliveryAttemptEntity, {
        conversionId: conversion.id,
        kind: a.kind ?? 'send',
        trigger: s.isTest ? 'test' : 'auto',
        method: 'POST',
        url: 'http://aflite.test/data/register/goal',
        params: JSON.stringify({ apikey: '••••', mref: s.mref }),
        statusCode: a.statusCode === undefined ? 200 : a.statusCode,
        responseHeaders: JSON.stringify({ 'content-type': 'text/plain' }),
        responseBody: a.body === undefined ? 'OK' : a.body,
        errorCode: null,
        outcome: a.outcome,
        reason: a.reason ?? null,
        durationMs: 12,
        startedAt: a.startedAt ?? createdAt + 500 + i,
      });
    }
    return conversion;
  });
}

export async function seedClick(app: INestApplicationContext, clickSessionId: string, firstSeenAt: number, lastSeenAt = firstSeenAt): Promise<ClickEntity> {
  const db = app.get(Db);
  return db.write(async (m) => {
    const click = await m.save(
      m.create(ClickEntity, {
        clickSessionId,
        token: `tok-${clickSessionId}`,
        via: 'snippet',
        landingUrl: 'https://shop.example/p/1',
        referrer: null,
        hits: 1,
        firstSeenAt,
        lastSeenAt,
      }),
    );
    await m.insert(ClickTokenEntity, { token: click.token, clickId: click.id, createdAt: firstSeenAt });
    return click;
  });
}

/** Many delivered conversions at once (no outbox rows or attempts), for what a year of traffic looks like. */
export async function seedManyConversions(
  app: INestApplicationContext,
  goal: GoalEntity,
  count: number,
  row: (i: number) => { mref: string; clickSessionId: string; createdAt: number },
): Promise<void> {
  const db = app.get(Db);
  const CHUNK = 500;
  for (let start = 0; start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => {
      const { mref, clickSessionId, createdAt } = row(start + k);
      return {
        goalId: goal.id,
        afliteGoalId: goal.afliteGoalId,
        mref,
        valueMinor: 1099,
        clickSessionId,
        clickId: null,
        attribution: 'explicit' as const,
        source: 'api' as const,
        status: 'delivered' as const,
        isTest: false,
        createdAt,
        deliveredAt: createdAt + 1_000,
      };
    });
    await db.write((m) => m.insert(ConversionEntity, rows));
  }
}
