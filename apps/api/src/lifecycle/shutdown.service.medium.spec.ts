import { startSandbox, type RunningSandbox } from '@goalpost/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/integration/harness/wait-for';
import { seedConversion, seedGoal } from '../../test/support/seed';
import { bootApp, type TestApp, type TestStore } from '../../test/support/test-app';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import { DeliveryAttemptEntity } from '../delivery/delivery-attempt.entity';
import { DeliveryEntity } from '../delivery/delivery.entity';
import { IngestKeysService } from '../ingest-keys/ingest-keys.service';
import { RequestGate } from './request-gate';
import { ShutdownService, type ShutdownReport } from './shutdown.service';

const API_KEY = 'sandbox-key-1234';
const MID = '1001';

/** The rows of one conversion, read on a fresh app booted on the stopped one's data. */
async function rowsAfterRestart(store: TestStore, mref: string) {
  const t = await bootApp({}, {}, store);
  try {
    const m = t.app.get(Db).manager;
    const conversion = await m.findOneByOrFail(ConversionEntity, { mref });
    return {
      conversion,
      delivery: await m.findOneByOrFail(DeliveryEntity, { conversionId: conversion.id }),
      attempts: await m.find(DeliveryAttemptEntity, { where: { conversionId: conversion.id }, order: { id: 'ASC' } }),
    };
  } finally {
    await t.close(true);
  }
}

async function closeAndReport(t: TestApp): Promise<ShutdownReport> {
  const shutdown = t.app.get(ShutdownService);
  await t.close(true);
  const report = shutdown.lastReport;
  if (!report) throw new Error('the shutdown did not run');
  return report;
}

describe('a stop while conversions are being written', () => {
  it('answers and commits the requests accepted before it, and refuses later ones with 503 and Retry-After', async () => {
    const t = await bootApp({ SHUTDOWN_GRACE_MS: '5000' });
    await seedGoal(t.app, '5', 'Sale');
    const { key } = await t.app.get(IngestKeysService).create('shutdown');
    const post = (mref: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/conversions',
        headers: { authorization: `Bearer ${key}` },
        payload: { goalId: '5', mref, clickSessionID: `cs-${mref}` },
      });

    // Holds the write path, so the accepted requests are still waiting for their commit when the stop comes.
    const db = t.app.get(Db);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const blocker = db.write(async (m) => {
      if (db.dialect === 'postgres') await m.query('LOCK TABLE "conversions" IN EXCLUSIVE MODE');
      await held;
    });
    const mrefs = Array.from({ length: 20 }, (_, i) => `ACCEPTED-${i}`);
    const accepted = mrefs.map((mref) => post(mref));
    const gate = t.app.get(RequestGate);
    await waitFor(() => expect(gate.inFlight).toBe(mrefs.length));

    const shutdown = t.app.get(ShutdownService);
    const closing = t.close(true);
    await waitFor(() => expect(gate.isOpen).toBe(false));
    const refused = await post('AFTER-THE-STOP');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.headers.connection).toBe('close');
    expect(refused.json()).toMatchObject({ error: 'shutting_down' });

    release();
    await blocker;
    const answers = await Promise.all(accepted);
    expect(answers.map((a) => a.statusCode)).toEqual(mrefs.map(() => 201));
    await closing;
    expect(shutdown.lastReport).toMatchObject({ requestsLeft: 0, writesFlushed: true, deliveriesLeft: 0 });

    const again = await bootApp({}, {}, t.store);
    try {
      const stored = await again.app.get(Db).manager.find(ConversionEntity);
      expect(stored.map((c) => c.mref).sort()).toEqual([...mrefs].sort());
    } finally {
      await again.close();
    }
  });
});

describe('a stop while deliveries are in flight', () => {
  let sandbox: RunningSandbox;
  const worker = (graceMs: number) => ({
    GOALPOST_WORKER: 'true',
    AFLITE_BASE_URL: sandbox.url,
    AFLITE_API_KEY: API_KEY,
    AFLITE_MID: MID,
    DELIVERY_POLL_MS: '50',
    SHUTDOWN_GRACE_MS: String(graceMs),
  });

  beforeAll(async () => {
    sandbox = await startSandbox({ apiKey: API_KEY, merchantId: MID, port: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('lets a delivery in flight finish within the grace period and records it delivered', async () => {
    sandbox.state.reset();
    sandbox.state.faults.set({ latencyMs: 800, errorRate: 1, paths: ['register'] });
    const t = await bootApp(worker(5_000));
    const goal = await seedGoal(t.app, '5', 'Sale');
    await seedConversion(t.app, { goal, mref: 'SLOW-1' });
    await waitFor(() => expect(sandbox.state.report().requests.register).toBe(1));

    const report = await closeAndReport(t);
    expect(report.deliveriesLeft).toBe(0);
    const rows = await rowsAfterRestart(t.store, 'SLOW-1');
    expect(rows.conversion.status).toBe('delivered');
    expect(rows.delivery).toMatchObject({ state: 'delivered', attemptCount: 1, leaseOwner: null });
    expect(rows.attempts.map((a) => [a.outcome, a.errorCode])).toEqual([['delivered', null]]);
    expect(sandbox.state.report().perMref).toEqual({ 'SLOW-1': 1 });
    await (await bootApp({}, {}, t.store)).close();
  });

  it('hands back a delivery that outlasts the grace period with its attempt left in flight, not failed, and the next run closes it as interrupted and delivers once', async () => {
    sandbox.state.reset();
    // Aflite takes the request and never answers.
    sandbox.state.faults.set({ hang: 'before-record', errorRate: 1, paths: ['register'] });
    const t = await bootApp(worker(300));
    const goal = await seedGoal(t.app, '5', 'Sale');
    await seedConversion(t.app, { goal, mref: 'HUNG-1' });
    await waitFor(() => expect(sandbox.state.faults.heldCount).toBe(1));

    const report = await closeAndReport(t);
    expect(report.deliveriesLeft).toBe(1);
    const rows = await rowsAfterRestart(t.store, 'HUNG-1');
    expect(rows.conversion.status).toBe('pending');
    // No attempt used, the lease handed back, and a check with Aflite before the next send.
    expect(rows.delivery).toMatchObject({ state: 'pending', attemptCount: 0, leaseOwner: null, leaseUntil: null, needsReconcile: true });
    expect(rows.attempts.map((a) => [a.kind, a.outcome, a.errorCode])).toEqual([['send', 'in-flight', null]]);

    sandbox.state.faults.clear();
    sandbox.state.faults.releaseHeld();
    const next = await bootApp(worker(5_000), {}, t.store);
    await waitFor(async () => {
      const conversion = await next.app.get(Db).manager.findOneByOrFail(ConversionEntity, { mref: 'HUNG-1' });
      expect(conversion.status).toBe('delivered');
    });
    await next.close(true);
    const after = await rowsAfterRestart(t.store, 'HUNG-1');
    expect(after.attempts.map((a) => [a.kind, a.outcome])).toEqual([
      // The next run's claim closes the attempt the stop cut short before it asks Aflite.
      ['send', 'interrupted'],
      ['reconcile', 'not-found'],
      ['send', 'delivered'],
    ]);
    expect(after.attempts.some((a) => a.errorCode === 'UND_ERR_DESTROYED')).toBe(false);
    expect(sandbox.state.report().perMref).toEqual({ 'HUNG-1': 1 });
    await (await bootApp({}, {}, t.store)).close();
  });
});
