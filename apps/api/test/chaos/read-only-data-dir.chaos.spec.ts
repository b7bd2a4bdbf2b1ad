import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MAIN } from '../integration/harness/build-output';
import { freePort } from '../integration/harness/free-port';
import { SmallFilesystem } from './support/small-filesystem';

const run = promisify(execFile);

describe('starting on a read-only DATA_DIR', () => {
  let fs: SmallFilesystem | { unavailable: string };

  beforeAll(async () => {
    fs = await SmallFilesystem.mount(1, { readOnly: true });
  });

  afterAll(async () => {
    if (fs instanceof SmallFilesystem) await fs.unmount();
  });

  it('stops at once with one line naming the path, not a stack trace', async (ctx) => {
    if (!(fs instanceof SmallFilesystem)) {
      console.warn(`read-only DATA_DIR test skipped: ${fs.unavailable}`);
      ctx.skip();
      return;
    }
    const env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: fs.path,
      GOALPOST_SECRET: 'chaos-test-secret-0123456789',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    const failure = await run(process.execPath, [API_MAIN], { env, timeout: 20_000 }).then(
      () => null,
      (error: unknown) => error as { code?: number; stderr?: string; stdout?: string },
    );
    expect(failure, 'the api started on a read-only data directory').not.toBeNull();
    expect(failure?.code).toBe(1);
    const lines = (failure?.stderr ?? '').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(fs.path);
    expect(lines[0]).toMatch(/EROFS/);
  });
});
