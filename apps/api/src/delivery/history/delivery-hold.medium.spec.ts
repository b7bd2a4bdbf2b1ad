import type { DeliveryDetailResponse, DeliveryListItem, HealthResponse } from '@goalpost/contracts';
import { startSandbox, type RunningSandbox } from '@goalpost/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalEntity } from '../../goals/goal.entity';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { seedConversion, seedGoal } from '../../../test/support/seed';

const API_KEY = 'sandbox-key-1234';

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Why the history says a pending delivery waits, with the real worker holding it back for that reason. */
describe('held deliveries in the history', () => {
  const item = async (t: TestApp, admin: AdminSession, mref: string): Promise<DeliveryListItem> => {
    const res = await asAdmin(t.app, admin, `/api/admin/deliveries?q=${encodeURIComponent(mref)}`);
    expect(res.statusCode, res.body).toBe(200);
    const [found] = res.json().items as DeliveryListItem[];
    return found;
  };
  const detail = async (t: TestApp, admin: AdminSession, id: number): Promise<DeliveryDetailResponse> =>
    (await asAdmin(t.app, admin, `/api/admin/deliveries/${id}`)).json();

  describe('while the Aflite API key and merchant ID are not set', () => {
    let t: TestApp;
    let admin: AdminSession;
    let sale: GoalEntity;

    beforeAll(async () => {
      t = await bootApp({ GOALPOST_WORKER: 'true', DELIVERY_POLL_MS: '50' });
      admin = await setUpAdmin(t.app);
      sale = await seedGoal(t.app, '5', 'Sale');
    });
    afterAll(() => t.close());

    it('labels a pending delivery as held for the settings, once the worker has postponed it, on the list and the detail', async () => {
      const c = await seedConversion(t.app, { goal: sale, mref: 'UNSET-1' });
      const postponed = await waitFor(
        () => item(t, admin, 'UNSET-1'),
        (i) => i.lastError !== null,
      );
      expect(postponed).toMatchObject({ status: 'pending', attemptCount: 0, lastError: 'Aflite API key or merchant ID is not set' });
      expect(postponed.hold).toEqual({ reason: 'not-configured' });
      expect((await detail(t, admin, c.id)).conversion.hold).toEqual({ reason: 'not-configured' });
    });

    it('holds nothing that is settled or never goes to Aflite', async () => {
      await seedConversion(t.app, { goal: sale, mref: 'UNSET-DONE', status: 'delivered' });
      await seedConversion(t.app, { goal: sale, mref: 'UNSET-NOCLICK', status: 'unattributed', clickSessionId: null });
      await seedConversion(t.app, { goal: sale, mref: 'UNSET-TEST', isTest: true });
      for (const mref of ['UNSET-DONE', 'UNSET-NOCLICK', 'UNSET-TEST']) expect((await item(t, admin, mref)).hold, mref).toBeNull();
    });
  });

  describe('while Aflite is down, and after it is back', () => {
    let sandbox: RunningSandbox;
    let t: TestApp;
    let admin: AdminSession;
    let sale: GoalEntity;
    const health = async (): Promise<HealthResponse> => (await t.app.inject({ method: 'GET', url: '/health' })).json();

    beforeAll(async () => {
      sandbox = await startSandbox({ apiKey: API_KEY, merchantId: '1001', port: 0 });
      t = await bootApp({
        GOALPOST_WORKER: 'true',
        AFLITE_BASE_URL: sandbox.url,
        AFLITE_API_KEY: API_KEY,
        AFLITE_MID: '1001',
        DELIVERY_POLL_MS: '50',
        // Retries wait a minute: long enough to see them waiting.
        DELIVERY_RETRY_BASE_MS: '60000',
        CIRCUIT_FAILURE_THRESHOLD: '3',
        CIRCUIT_COOLDOWN_MS: '200',
        CIRCUIT_MAX_COOLDOWN_MS: '400',
      });
      admin = await setUpAdmin(t.app);
      sale = await seedGoal(t.app, '5', 'Sale');
    });
    afterAll(async () => {
      await t.close();
      await sandbox.close();
    });

    it('labels pending deliveries as held while the circuit is open, then as waiting for their retry time once Aflite answers', async () => {
      sandbox.state.faults.set({ status: 503, errorRate: 1, paths: ['register'] });
      const down = [];
      for (let i = 1; i <= 3; i++) down.push(await seedConversion(t.app, { goal: sale, mref: `DOWN-${i}` }));
      const open = await waitFor(health, (h) => h.upstream.circuit !== 'closed');
      expect(open.upstream.circuit).not.toBe('closed');

      for (const c of down) {
        const held = await item(t, admin, c.mref);
        expect(held, c.mref).toMatchObject({ status: 'pending', attemptCount: 1, hold: { reason: 'aflite-down', since: open.upstream.since } });
        expect((await detail(t, admin, c.id)).conversion.hold).toEqual({ reason: 'aflite-down', since: open.upstream.since });
      }

      // Aflite answers again: the half-open circuit's probe goes with the one delivery that is due.
      sandbox.state.faults.clear();
      const probe = await seedConversion(t.app, { goal: sale, mref: 'BACK-1' });
      const delivered = await waitFor(
        () => item(t, admin, probe.mref),
        (i) => i.status === 'delivered',
      );
      expect(delivered.hold).toBeNull();
      expect((await health()).upstream.circuit).toBe('closed');

      for (const c of down) {
        const waiting = await item(t, admin, c.mref);
        expect(waiting.status, c.mref).toBe('pending');
        expect(waiting.hold).toEqual({ reason: 'retry-wait', until: waiting.nextAttemptAt });
        expect(Date.parse(waiting.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());
      }
      console.log(
        `retry-wait after the circuit closed: ${down.length} deliveries, next attempt in ~${Math.round((Date.parse((await item(t, admin, 'DOWN-1')).nextAttemptAt ?? '') - Date.now()) / 1000)} s`,
      );
    });
  });
});
