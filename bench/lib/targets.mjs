// The servers under test. Each target answers the same two routes; `finish` stops it and reports what its
// database holds, read directly from the database after the api was killed without warning.
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runNode, startNode, waitForHttp } from './processes.mjs';
import { countPostgres, countSqlite, createPostgresDatabase } from './storage.mjs';

export async function startSandbox(root) {
  const port = await freePort();
  const proc = startNode('sandbox', ['apps/sandbox/dist/main.js'], {
    cwd: root,
    env: { SANDBOX_PORT: String(port), SANDBOX_HOST: '127.0.0.1', SANDBOX_API_KEY: 'sandbox-key', SANDBOX_MID: '1001' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(proc, `${url}/_sandbox/faults`);
  return { url, stop: () => proc.stop() };
}

export async function startBare(root) {
  const port = await freePort();
  const proc = startNode('bare node', ['bench/lib/bare-server.mjs'], { cwd: root, env: { PORT: String(port) } });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(proc, `${url}/health`, 10_000);
  return {
    name: 'bare node',
    url,
    ingestKey: 'none',
    pid: proc.pid,
    async finish() {
      await proc.stop();
      return null;
    },
  };
}

/**
 * Starts the real api (built into `apiDir`) on a fresh database: SQLite in a temp DATA_DIR, or a new
 * PostgreSQL database when `postgresAdminUrl` is given. Goal 5 and an ingest key are made with the CLI first.
 */
export async function startGoalpost(root, { apiDir, sandboxUrl, postgresAdminUrl, profileDir, label }) {
  const pgDb = postgresAdminUrl ? await createPostgresDatabase(postgresAdminUrl) : null;
  const dataDir = await mkdtemp(join(tmpdir(), 'gp-bench-'));
  const port = await freePort();
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    AFLITE_BASE_URL: sandboxUrl,
    AFLITE_API_KEY: 'sandbox-key',
    AFLITE_MID: '1001',
    // The load comes from one address: the per-address limits of the public routes would refuse nearly all of it.
    TRACKING_CLICKS_PER_MINUTE: '1000000000',
    TRACKING_GOALS_PER_MINUTE: '1000000000',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
  };
  const cleanup = async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (pgDb) await pgDb.drop();
  };
  let proc;
  try {
    await runNode([join(apiDir, 'cli.js'), 'goal', 'add', '5', 'Sale', '--default-value', '10.00'], { cwd: root, env });
    const created = await runNode([join(apiDir, 'cli.js'), 'ingest-key', 'create', 'bench'], { cwd: root, env });
    const ingestKey = /gpk_[A-Za-z0-9_-]+/.exec(created)?.[0];
    if (!ingestKey) throw new Error(`no ingest key in the CLI output:\n${created}`);

    const nodeOptions = [];
    if (profileDir) {
      await mkdir(profileDir, { recursive: true });
      nodeOptions.push('--require', join(root, 'bench/lib/cpu-profiler.cjs'));
      nodeOptions.push('--require', join(root, 'bench/lib/db-stats.cjs'));
    }
    const name = `${pgDb ? 'goalpost-postgres' : 'goalpost-sqlite'}${label ? `:${label}` : ''}`;
    proc = startNode(name, [join(apiDir, 'main.js')], { cwd: root, env, nodeOptions, ipc: Boolean(profileDir) });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(proc, `${url}/health`);
    return {
      name,
      url,
      ingestKey,
      pid: proc.pid,
      database: pgDb ? `postgres (${pgDb.name})` : `sqlite (${join(dataDir, 'goalpost.sqlite')})`,
      async health() {
        const res = await fetch(`${url}/health`);
        return res.json();
      },
      /**
       * Profiles the api and counts its database statements and transactions from this call until the
       * returned function is called; see cpu-profiler.cjs and db-stats.cjs.
       */
      profile(profileLabel) {
        if (!profileDir) return null;
        proc.child.send({ profile: 'start' });
        proc.child.send({ dbStats: 'reset' });
        return async () => {
          const file = reply(proc.child, 'profileWritten');
          proc.child.send({ profile: 'stop', file: join(profileDir, `${profileLabel.replace(/[^A-Za-z0-9_.-]/g, '_')}.cpuprofile`) });
          const stats = reply(proc.child, 'dbStatsResult');
          proc.child.send({ dbStats: 'read' });
          return { file: await file, db: await stats };
        };
      },
      /** SIGKILL (no shutdown hooks, no flush), then count the rows from the database itself. */
      async finish() {
        await proc.crash();
        try {
          return pgDb ? await countPostgres(pgDb.url) : await countSqlite(join(dataDir, 'goalpost.sqlite'));
        } finally {
          await cleanup();
        }
      },
    };
  } catch (error) {
    if (proc) await proc.crash();
    await cleanup();
    throw error;
  }
}

/** The next IPC message from `child` that carries `key`, or null after 15 s. */
function reply(child, key) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (!message || typeof message !== 'object' || !(key in message)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message[key]);
    };
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(null);
    }, 15_000);
    child.on('message', onMessage);
  });
}
