import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../integration/harness/dialects';
import { uid } from '../integration/harness/ids';
import { GOAL_ID } from '../integration/harness/stack';
import { waitFor } from '../integration/harness/wait-for';
import { postConversions } from './support/conversion-load';
import { sampleCircuit } from './support/circuit-sampler';
import { describeTally, tallyDeliveries } from './support/delivery-check';
import { TcpProxy } from './support/tcp-proxy';

const CONVERSIONS = 100;
/** Far longer than the 4 attempts' backoff (0.2 s up to 1 s each): without the circuit every delivery would give up. */
const OUTAGE_MS = 5_000;

describeEachDialect('Aflite refusing connections for a while', (ctx, dialect) => {
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('holds deliveries without using up their attempts, then delivers each once', async () => {
    const { sandbox } = ctx.stack;
    const sandboxUrl = new URL(sandbox.url);
    proxy = await TcpProxy.start({ host: sandboxUrl.hostname, port: Number(sandboxUrl.port) });
    const api = await ctx.stack.useApi({ AFLITE_BASE_URL: `http://127.0.0.1:${proxy.port}`, DELIVERY_MAX_ATTEMPTS: '4' });

    proxy.cut(OUTAGE_MS);
    const started = Date.now();
    const circuit = sampleCircuit(api, 100);
    const load = await postConversions(
      api,
      Array.from({ length: CONVERSIONS }, () => uid('refused')),
      8,
    );
    expect(load.acknowledged).toHaveLength(CONVERSIONS);
    const held = await waitFor(async () => {
      const health = await api.health();
      expect(health.upstream.circuit).not.toBe('closed');
      return health.upstream.held;
    });
    expect(held).toBeGreaterThan(0);

    const tally = await tallyDeliveries(api, sandbox, load.acknowledged, 60_000);
    const samples = await circuit.stop();
    const report = await sandbox.report();
    const failed = await Promise.all(load.acknowledged.map(async (mref) => (await api.storedConversion(GOAL_ID, mref)).status === 'failed'));
    console.log(
      `Aflite refusing connections for ${OUTAGE_MS / 1000} s (${dialect}): ${describeTally(tally)}, gave up ${failed.filter(Boolean).length}, ` +
        `circuit not closed in ${samples.notClosed} of ${samples.total} samples, all delivered ${((Date.now() - started) / 1000).toFixed(1)} s after the outage began, ` +
        `sends reaching Aflite ${report.requests.register}`,
    );
    expect(failed.filter(Boolean)).toHaveLength(0);
    expect(tally.lost).toEqual([]);
    expect(tally.undelivered).toEqual([]);
    expect(tally.duplicates).toEqual([]);
    expect(tally.deliveredOnce).toBe(CONVERSIONS);
    expect((await api.health()).upstream).toMatchObject({ circuit: 'closed', held: 0 });
  });
});
