import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uid } from '../integration/harness/ids';
import { Stack } from '../integration/harness/stack';
import { waitFor } from '../integration/harness/wait-for';
import { merge, postConversions } from './support/conversion-load';
import { SmallFilesystem } from './support/small-filesystem';
import { storedConversions } from './support/sqlite-file';

/** Room left when the disk is "full": less than one group commit of conversions with their attempts. */
const LEAVE_KB = 96;

const batch = (n: number, prefix: string) => Array.from({ length: n }, () => uid(prefix));

describe('SQLite when its disk fills up and frees again', () => {
  let fs: SmallFilesystem | { unavailable: string };
  let stack: Stack | undefined;

  beforeAll(async () => {
    fs = await SmallFilesystem.mount(24);
    if (fs instanceof SmallFilesystem) stack = await Stack.start('sqlite', { dataDir: fs.path });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    if (fs instanceof SmallFilesystem) await fs.unmount();
  }, 60_000);

  it('never acknowledges a conversion it did not store, says so on /health, and resumes by itself with nothing lost or sent twice', async (ctx) => {
    if (!(fs instanceof SmallFilesystem) || !stack) {
      console.warn(`disk-full test skipped: ${'unavailable' in fs ? fs.unavailable : 'no stack'}`);
      ctx.skip();
      return;
    }
    const { api, sandbox } = stack;
    const before = await postConversions(api, batch(100, 'before'), 10);
    expect(before.acknowledged).toHaveLength(100);

    await fs.fill(LEAVE_KB);
    const during = await postConversions(api, batch(1_500, 'full'), 20);
    // The fault was met (otherwise this test proves nothing), and met with 503s, not 500s.
    expect(during.refused.length).toBeGreaterThan(0);
    expect(during.other).toEqual({});
    expect(during.refusedWithoutRetryAfter).toBe(0);
    const fullHealth = await api.http.get('/health');
    expect(fullHealth.status).toBe(503);
    expect(fullHealth.json<{ database: { writable: boolean } }>().database.writable).toBe(false);

    await fs.free();
    await waitFor(async () => expect((await api.http.get('/health')).status).toBe(200), 15_000, 200);
    const after = await postConversions(api, batch(100, 'after'), 10);
    expect(after.acknowledged).toHaveLength(100);

    const all = merge(before, during, after);
    await waitFor(async () => expect((await api.health()).worker.pending).toBe(0), 60_000, 250);
    await stack.stopApi();

    const stored = await storedConversions(stack.database.dataDir);
    const report = await sandbox.report();
    const lost = all.acknowledged.filter((mref) => !stored.has(mref));
    const undelivered = all.acknowledged.filter((mref) => stored.get(mref) !== 'delivered');
    const refusedButSent = all.refused.filter((mref) => (report.perMref[mref] ?? 0) > 0);
    console.log(
      `disk full (SQLite): acknowledged ${all.acknowledged.length}, refused 503 ${all.refused.length}, stored ${stored.size}, ` +
        `delivered ${all.acknowledged.length - undelivered.length}, lost ${lost.length}, duplicates ${report.duplicates.length}`,
    );
    expect(lost).toEqual([]);
    expect(stored.size).toBe(all.acknowledged.length);
    expect(undelivered).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(refusedButSent).toEqual([]);
    for (const mref of all.acknowledged) expect(report.perMref[mref], mref).toBe(1);
  });
});
