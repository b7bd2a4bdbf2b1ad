// Durable click capture and conversion ingest: the real api (SQLite, optionally PostgreSQL) against a bare
// Node http server, same machine, same run, same autocannon settings. See bench/README.md.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judge, printDurability, printTable } from './lib/report.mjs';
import { SCENARIOS } from './lib/scenarios.mjs';
import { TargetSession, log } from './lib/session.mjs';
import { startBare, startGoalpost, startSandbox } from './lib/targets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench/results');

const list = (raw, fallback) =>
  (raw ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const settings = {
  connections: list(process.env.BENCH_CONNECTIONS, '50,100').map(Number),
  durationSec: Number(process.env.BENCH_DURATION ?? 10),
  warmupSec: Number(process.env.BENCH_WARMUP ?? 2),
  pipelining: 1,
  scenarios: list(process.env.BENCH_SCENARIOS, 'click,conversion'),
  targets: list(process.env.BENCH_TARGETS, 'bare,sqlite,postgres'),
  postgres: Boolean(process.env.BENCH_DATABASE_URL),
  // The api build(s) to measure: one directory, or "label=dir,label=dir" to compare builds in the same run.
  apiBuilds: list(process.env.BENCH_API_DIR, 'apps/api/dist').map((entry) => {
    const [label, dir] = entry.includes('=') ? entry.split('=') : [null, entry];
    return { label, apiDir: resolve(root, dir) };
  }),
  profile: Boolean(process.env.BENCH_PROFILE),
};

function checkSettings() {
  for (const s of settings.scenarios) if (!SCENARIOS[s]) throw new Error(`BENCH_SCENARIOS: unknown scenario "${s}" (${Object.keys(SCENARIOS).join(', ')})`);
  if (settings.connections.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_CONNECTIONS: comma-separated positive integers');
  if (!(settings.durationSec > 0) || !(settings.warmupSec >= 0)) throw new Error('BENCH_DURATION must be > 0 and BENCH_WARMUP >= 0 (seconds)');
  if (settings.apiBuilds.length > 1 && settings.apiBuilds.some((b) => !b.label))
    throw new Error('BENCH_API_DIR: with several builds, give each a label (label=dir,...)');
  const files = settings.apiBuilds.flatMap(({ apiDir }) => [join(apiDir, 'main.js'), join(apiDir, 'cli.js')]);
  for (const file of [...files, join(root, 'apps/sandbox/dist/main.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx nx run-many -t build -p api sandbox)`);
  }
}

async function startTargets(sandboxUrl) {
  const profileDir = settings.profile ? join(resultsDir, 'profiles') : null;
  const starts = [];
  if (settings.targets.includes('bare')) starts.push(() => startBare(root));
  for (const build of settings.apiBuilds) {
    const goalpost = { ...build, sandboxUrl, profileDir };
    if (settings.targets.includes('sqlite')) starts.push(() => startGoalpost(root, goalpost));
    if (settings.targets.includes('postgres') && settings.postgres) {
      starts.push(() => startGoalpost(root, { ...goalpost, postgresAdminUrl: process.env.BENCH_DATABASE_URL }));
    }
  }
  // Started side by side: the operator CLI runs and migrations of each database overlap.
  const t0 = Date.now();
  const started = await Promise.allSettled(starts.map((start) => start()));
  const sessions = started.filter((s) => s.status === 'fulfilled').map((s) => new TargetSession(s.value, settings));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of sessions) await s.finish().catch(() => undefined);
    throw failed.reason;
  }
  for (const { target } of sessions) log(`${target.name} up at ${target.url}${target.database ? ` on ${target.database}` : ''}`);
  log(`targets started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return sessions;
}

async function main() {
  checkSettings();
  const startedAt = new Date();
  const loadBefore = loadavg();
  log(
    `node ${process.version}, ${cpus().length} cpus, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}; ${settings.durationSec}s per run after a ${settings.warmupSec}s warm-up, connections ${settings.connections.join('/')}, pipelining 1`,
  );
  const sandbox = await startSandbox(root);
  const checks = [];
  let sessions = [];
  try {
    sessions = await startTargets(sandbox.url);
    // Scenario by scenario, every target in turn: each ratio compares runs minutes apart at most, on a
    // machine whose background load drifts. A target is stopped after its last scenario, so its delivery
    // backlog does not eat into the next target's run.
    const last = settings.scenarios.length - 1;
    for (const [i, scenarioId] of settings.scenarios.entries()) {
      for (const session of sessions) {
        await session.run(scenarioId);
        if (i === last) checks.push(...(await session.finish()));
      }
    }
  } finally {
    for (const s of sessions) await s.finish().catch(() => undefined);
    await sandbox.stop();
  }

  const rows = sessions.flatMap((s) => s.rows);
  judge(rows, SCENARIOS);
  console.log('');
  printTable(rows, SCENARIOS);
  printDurability(checks);
  const loadAfter = loadavg();
  console.log(
    `\nAims (informational): click capture >= 50% of bare Node req/s, conversion ingest >= 25%. ` +
      `Load average before/after: ${loadBefore[0].toFixed(2)} / ${loadAfter[0].toFixed(2)} on ${cpus().length} cpus.`,
  );

  await mkdir(resultsDir, { recursive: true });
  const out = join(resultsDir, 'latest.json');
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadavg: { before: loadBefore, after: loadAfter },
    settings,
    targets: sessions.map((s) => ({ name: s.target.name, database: s.target.database ?? null })),
    results: rows,
    durability: checks,
  };
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Results written to ${out}`);
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    console.error(`\nDURABILITY CHECK FAILED: ${failed.map((c) => `${c.target} ${c.table}`).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`[bench] failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
