import 'reflect-metadata';
import { startSandbox } from '@goalpost/sandbox';
import { applyEnvironmentSettings, createApp, GoalsService, IngestKeysService, loadConfig } from '@goalpost/api';
import { demoLandingPage } from './demo-landing';

const DEMO_API_KEY = 'demo-aflite-key';
const DEMO_MID = '1001';
const DEMO_GOAL = { afliteGoalId: '5', name: 'Sale', defaultValueMinor: 1000, allowBrowser: true };

/** Goalpost and the stand-in Aflite together, pre-configured, for trying everything locally. */
async function demo(): Promise<void> {
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
  const sandbox = await startSandbox({ apiKey: DEMO_API_KEY, merchantId: DEMO_MID, port: sandboxPort, host: '127.0.0.1' });
  const config = loadConfig({
    DATA_DIR: 'data/demo',
    ...process.env,
    AFLITE_BASE_URL: sandbox.url,
    AFLITE_API_KEY: DEMO_API_KEY,
    AFLITE_MID: DEMO_MID,
    // Fast retries so failures and recoveries can be watched live.
    DELIVERY_RETRY_BASE_MS: process.env.DELIVERY_RETRY_BASE_MS ?? '2000',
    DELIVERY_RETRY_MAX_MS: process.env.DELIVERY_RETRY_MAX_MS ?? '30000',
    DELIVERY_TIMEOUT_MS: process.env.DELIVERY_TIMEOUT_MS ?? '3000',
  });
  const app = await createApp(config);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/demo/shop', (_request, reply) => {
    void reply.type('text/html; charset=utf-8').send(demoLandingPage());
  });
  await app.listen({ port: config.port, host: config.host });
  await applyEnvironmentSettings(app);

  const goals = app.get(GoalsService);
  if (!(await goals.list()).some((g) => g.afliteGoalId === DEMO_GOAL.afliteGoalId)) await goals.create(DEMO_GOAL);
  const key = await app.get(IngestKeysService).create(`demo ${new Date().toISOString()}`);
  const base = `http://localhost:${config.port}`;

  console.log(`
  Goalpost demo is running.

    Dashboard          ${base}
    Stand-in Aflite    ${sandbox.url}   (what it received: ${sandbox.url}/)
    Aflite API key     ${DEMO_API_KEY}
    Merchant ID        ${DEMO_MID}
    Goal               ${DEMO_GOAL.afliteGoalId} "${DEMO_GOAL.name}" (default £10.00, browser goals allowed)
    Ingest key         ${key.key}

  Try it:
    1. Land on a page as an affiliate click:  ${base}/demo/shop?clickSource=aflite&clickSessionID=DEMO123
    2. Record a sale from "your server":
       curl -X POST ${base}/api/v1/conversions \\
         -H 'Authorization: Bearer ${key.key}' -H 'Content-Type: application/json' \\
         -d '{"goalId":"5","mref":"ORDER-1001","value":"24.99","clickSessionID":"DEMO123"}'
    3. Make Aflite fail for a while:  curl -X PUT ${sandbox.url}/_sandbox/faults -H 'Content-Type: application/json' -d '{"status":503}'
       and heal it:                   curl -X DELETE ${sandbox.url}/_sandbox/faults

  Data lives in ${config.dataDir}. Press Ctrl+C to stop.
`);

  const stop = async () => {
    await app.close();
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void demo().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
