import type { ResendJobResponse } from '@goalpost/contracts';
import { startSandbox, type RunningSandbox } from '@goalpost/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../database/db.service';
import type { GoalEntity } from '../../goals/goal.entity';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { seedConversion, seedGoal } from '../../../test/support/seed';
import { ResendJobEntity } from './resend-job.entity';
import { ResendJobRunner } from './resend-job-runner';

const API_KEY = 'sandbox-key-1234';

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('re-sending deliveries', () => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let admin: AdminSession;
  let sale: GoalEntity;
  const post = (url: string, body: unknown) => asAdmin(t.app, admin, url, { method: 'POST', body });
  const job = async (id: number): Promise<ResendJobResponse> => (await asAdmin(t.app, admin, `/api/admin/deliveries/resend-jobs/${id}`)).json();
  const failed = (mref: string) =>
    seedConversion(t.app, {
      goal: sale,
      mref,
      status: 'failed',
      delivery: { state: 'failed', attemptCount: 8, lastError: 'Gave up after 8 attempts: HTTP 503' },
      attempts: [{ outcome: 'failed', statusCode: 503, body: 'down', reason: 'HTTP 503: down' }],
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ apiKey: API_KEY, merchantId: '1001', port: 0 });
    // A small chunk, so the ten conversions of the bulk job take several chunks.
    t = await bootApp({
      GOALPOST_WORKER: 'true',
      AFLITE_BASE_URL: sandbox.url,
      AFLITE_API_KEY: API_KEY,
      AFLITE_MID: '1001',
      DELIVERY_POLL_MS: '50',
      RESEND_JOB_CHUNK: '4',
    });
    admin = await setUpAdmin(t.app);
    sale = await seedGoal(t.app, '5', 'Sale');
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it('re-sends the selected conversions and writes one audit entry', async () => {
    const a = await failed('ONE-1');
    const b = await failed('ONE-2');
    const delivered = await seedConversion(t.app, { goal: sale, mref: 'ONE-3', status: 'delivered' });
    const res = await post('/api/admin/deliveries/resend', { ids: [a.id, b.id, delivered.id, a.id] });
    expect(res.statusCode).toBe(202);
    // A delivered conversion is never sent again.
    expect(res.json()).toEqual({ queued: 2 });
    const detail = await waitFor(
      async () => (await asAdmin(t.app, admin, `/api/admin/deliveries/${b.id}`)).json(),
      (d) => d.conversion.status === 'delivered',
    );
    expect(detail.conversion.status).toBe('delivered');
    // Not forced: the goals feed was asked first, then the goal sent, both recorded as manual.
    expect(detail.attempts.slice(1).map((x: { kind: string; trigger: string }) => `${x.kind}/${x.trigger}`)).toEqual(['reconcile/manual', 'send/manual']);
    const audit = (await asAdmin(t.app, admin, '/api/admin/audit')).json().items;
    expect(audit[0]).toMatchObject({
      actor: 'owner@shop.example',
      action: 'delivery.resend',
      target: '3 conversions',
      details: { ids: [a.id, b.id, delivered.id], force: false, queued: 2 },
    });
  });

  it('validates re-send requests field by field', async () => {
    expect((await post('/api/admin/deliveries/resend', { ids: [] })).json().fields[0].field).toBe('ids');
    expect((await post('/api/admin/deliveries/resend', { ids: Array.from({ length: 501 }, (_, i) => i + 1) })).json().message).toMatch(
      /^ids: ids may name at most 500/,
    );
    expect((await post('/api/admin/deliveries/resend', { ids: ['x'] })).statusCode).toBe(400);
    expect((await post('/api/admin/deliveries/resend', { ids: [1], force: 'yes' })).json().fields[0].field).toBe('force');
    expect((await post('/api/admin/deliveries/resend-jobs', {})).json().fields[0].field).toBe('filter');
    expect((await post('/api/admin/deliveries/resend-jobs', { filter: { status: 'lost' } })).json().fields[0].field).toBe('filter.status');
    expect((await post('/api/admin/deliveries/resend-jobs/preview', { filter: { from: 'soon' } })).json().fields[0].field).toBe('from');
  });

  it('previews, then re-sends everything matching in the background and reports progress to the end', async () => {
    const mrefs = Array.from({ length: 10 }, (_, i) => `BULK-${i}`);
    for (const mref of mrefs) await failed(mref);
    // Not matching: other status, unattributed, and a failed test.
    await seedConversion(t.app, { goal: sale, mref: 'BULK-done', status: 'delivered' });
    await seedConversion(t.app, { goal: sale, mref: 'BULK-none', status: 'unattributed', clickSessionId: null });
    await seedConversion(t.app, { goal: sale, mref: 'BULK-test', status: 'failed', isTest: true });
    // Aflite already holds two of them: those must be reconciled, not sent a second time.
    for (const mref of ['BULK-3', 'BULK-7']) {
      sandbox.state.registerGoal({
        mref,
        goalId: '5',
        value: '10.99',
        clickSessionId: `click-${mref}`,
        merchantId: '1001',
        method: 'POST',
        receivedAt: new Date().toISOString(),
      });
    }
    const filter = { status: 'failed', q: 'BULK-' };
    expect((await post('/api/admin/deliveries/resend-jobs/preview', { filter })).json()).toEqual({ matching: 10 });

    const started = await post('/api/admin/deliveries/resend-jobs', { filter });
    expect(started.statusCode).toBe(202);
    const first: ResendJobResponse = started.json();
    expect(first).toMatchObject({ state: 'running', total: 10, force: false, filter, createdBy: 'owner@shop.example', error: null });

    const end = await waitFor(
      () => job(first.id),
      (j) => j.state !== 'running' && j.delivered === 10,
    );
    expect(end).toMatchObject({ state: 'done', total: 10, queued: 10, delivered: 10, failed: 0, pending: 0 });
    expect(end.finishedAt).not.toBeNull();
    const report = sandbox.state.report();
    expect(report.duplicates).toEqual([]);
    expect(mrefs.every((m) => report.perMref[m] === 1)).toBe(true);

    const listed = (await asAdmin(t.app, admin, '/api/admin/deliveries/resend-jobs')).json().items;
    expect(listed[0].id).toBe(first.id);
    const audit = (await asAdmin(t.app, admin, '/api/admin/audit')).json().items;
    expect(audit.find((e: { action: string }) => e.action === 'resend-job.start')).toMatchObject({
      target: `resend job ${first.id}`,
      details: { filter, force: false, total: 10 },
    });
  });

  it('finishes at once when nothing matches', async () => {
    const res = await post('/api/admin/deliveries/resend-jobs', { filter: { q: 'NOTHING-' } });
    expect(res.json()).toMatchObject({ state: 'done', total: 0, queued: 0 });
  });

  it('picks up a job whose instance stopped, where it left off', async () => {
    const ids = [(await failed('ORPHAN-1')).id, (await failed('ORPHAN-2')).id, (await failed('ORPHAN-3')).id];
    const db = t.app.get(Db);
    const orphan = await db.write(async (m) => {
      const saved = await m.save(
        m.create(ResendJobEntity, {
          state: 'running',
          filter: JSON.stringify({ q: 'ORPHAN-' }),
          force: false,
          total: 3,
          queued: 1,
          cursor: ids[0],
          createdBy: 'owner@shop.example',
          createdAt: Date.now() - 120_000,
          finishedAt: null,
          error: null,
          owner: 'crashed-instance',
          heartbeatAt: Date.now() - 120_000,
        }),
      );
      for (const conversionId of ids) await m.query(`INSERT INTO "resend_job_items" ("job_id", "conversion_id") VALUES (${saved.id}, ${conversionId})`);
      return saved;
    });
    await t.app.get(ResendJobRunner).adoptOrphans();
    await t.app.get(ResendJobRunner).idle();
    const end = await waitFor(
      () => job(orphan.id),
      (j) => j.delivered === 2,
    );
    // The first conversion was before the cursor: already handled by the stopped instance, not re-queued here.
    expect(end).toMatchObject({ state: 'done', queued: 3, delivered: 2, failed: 1 });
    expect(sandbox.state.report().perMref['ORPHAN-1']).toBeUndefined();
  });
});
