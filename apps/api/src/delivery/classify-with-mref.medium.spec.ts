import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { seedConversion, seedGoal } from '../../test/support/seed';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import type { GoalEntity } from '../goals/goal.entity';
import { SettingsService } from '../settings/settings.service';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryProcessor } from './delivery-processor';
import { ClaimStage } from './stages/claim';
import { TestSender } from './test-sender';

/** An mref made of words the classifier would otherwise read as Aflite saying "duplicate". */
const MREF = 'DUPLICATE-ORDER-7';

/** An Aflite that accepts every goal and echoes its reference in a structured answer. */
function echoingAflite(): Promise<Server> {
  const server = createServer((req, res) => {
    const mref = new URL(req.url ?? '/', 'http://aflite.test').searchParams.get('mref') ?? '';
    res.writeHead(200, { 'content-type': 'application/xml' }).end(`<response><status>ok</status><ref>${mref}</ref></response>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe("Aflite's answer is read with the mref it is about", () => {
  let aflite: Server;
  let t: TestApp;
  let goal: GoalEntity;

  beforeAll(async () => {
    aflite = await echoingAflite();
    const { port } = aflite.address() as AddressInfo;
    t = await bootApp({ AFLITE_BASE_URL: `http://127.0.0.1:${port}`, AFLITE_API_KEY: 'key-1234', AFLITE_MID: '1001', AFLITE_METHOD: 'GET' });
    goal = await seedGoal(t.app);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => aflite.close(resolve));
  });

  const stored = (id: number) => t.app.get(Db).manager.findOneByOrFail(ConversionEntity, { id });
  const attempts = (id: number) => t.app.get(Db).manager.findBy(DeliveryAttemptEntity, { conversionId: id });

  it('by the delivery worker', async () => {
    const conversion = await seedConversion(t.app, { goal, mref: MREF, createdAt: Date.now() - 1_000 });
    const settings = await t.app.get(SettingsService).get();
    const [item] = await t.app.get(ClaimStage).run({ owner: 'api-1:1:abcdef', now: Date.now(), limit: 1, leaseMs: 60_000, settings });
    expect(item?.conversion.id).toBe(conversion.id);

    expect(await t.app.get(DeliveryProcessor).process(item, false, settings)).toEqual({ upstream: 'up' });
    expect((await stored(conversion.id)).status).toBe('delivered');
    expect((await attempts(conversion.id)).map((a) => a.outcome)).toEqual(['delivered']);
  });

  it('by the trace-only test', async () => {
    const conversion = await seedConversion(t.app, { goal, mref: `TEST-${MREF}`, isTest: true });
    const sent = await t.app.get(TestSender).send(conversion);
    expect(sent.attempt).toMatchObject({ trigger: 'test', statusCode: 200, outcome: 'delivered' });
    expect(sent.conversion.status).toBe('delivered');
  });
});
