// One target's part of the run: its scenarios, what it acknowledged, and the durability checks at the end.
import { randomBytes } from 'node:crypto';
import { cpuMs } from './cpu-time.mjs';
import { runLoad } from './load.mjs';
import { SCENARIOS, idSource } from './scenarios.mjs';

export function log(message) {
  console.log(`[bench] ${message}`);
}

function describe(r) {
  const bad = r.non2xx + r.errors + r.timeouts;
  const problems = bad ? `, NOT OK: ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}, ${r.errors} errors, ${r.timeouts} timeouts` : '';
  const us = (ms) => (ms * 1000).toFixed(0);
  const cpu =
    r.serverCpuMsPerRequest == null
      ? ''
      : `, server cpu ${us(r.serverCpuMsPerRequest)} µs/request (main thread ${us(r.serverMainThreadMsPerRequest)}; ${(r.serverCpuShare * 100).toFixed(0)}% of a core)`;
  return `${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms${cpu}${problems}`;
}

function describeProfile({ file, db }, r, durationSec) {
  let text = `  cpu profile: ${file ?? 'not written'} (summary: node bench/profile-summary.mjs <file>)`;
  if (db && db.transactions > 0) {
    const tx = db.transactions;
    const kinds = Object.entries(db.kinds).sort((a, b) => b[1] - a[1]);
    text +=
      `\n  database: ${tx} transactions, ${((r.created ?? 0) / tx).toFixed(1)} requests/transaction, ` +
      `${(db.statementsInTransactions / tx).toFixed(1)} statements/transaction, ${db.statements} statements in all; ` +
      `transaction ${(db.transactionMs / tx).toFixed(1)} ms avg of which COMMIT ${(db.commitMs / tx).toFixed(1)} ms; ` +
      `transactions open ${((db.transactionMs / 1000 / durationSec) * 100).toFixed(0)}% of the run (SQLite: its one write path)` +
      `\n  statements: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`;
  }
  return text;
}

/** Server CPU per answered request (all threads, and the main thread alone) and as a share of one core. */
function serverCpu(before, after, answered, durationSec) {
  if (!before || !after || answered === 0) return { serverCpuMsPerRequest: null, serverMainThreadMsPerRequest: null, serverCpuShare: null };
  return {
    serverCpuMsPerRequest: (after.total - before.total) / answered,
    serverMainThreadMsPerRequest: (after.main - before.main) / answered,
    serverCpuShare: (after.total - before.total) / 1000 / durationSec,
  };
}

export class TargetSession {
  constructor(target, settings) {
    this.target = target;
    this.settings = settings;
    this.ids = idSource(randomBytes(3).toString('hex'));
    this.sent = {};
    this.rows = [];
    this.finished = false;
  }

  /** Warm-up at the first connection count, then one measured run per connection count. */
  async run(scenarioId) {
    const { target, settings, ids } = this;
    const scenario = SCENARIOS[scenarioId];
    const tally = (this.sent[scenarioId] = { acknowledged: 0, built: 0 });
    const add = (r) => {
      tally.acknowledged += r.created ?? 0;
      tally.built += r.built;
    };
    if (settings.warmupSec > 0) {
      const warm = await runLoad({ target, scenario, ids, connections: settings.connections[0], duration: settings.warmupSec });
      add(warm);
      log(`${target.name} · ${scenario.title} · warm-up ${settings.warmupSec}s: ${describe(warm)}`);
    }
    for (const connections of settings.connections) {
      const stopProfile = target.profile?.(`${target.name}-${scenarioId}-c${connections}`);
      const cpuBefore = cpuMs(target.pid);
      const r = await runLoad({ target, scenario, ids, connections, duration: settings.durationSec });
      const cpuAfter = cpuMs(target.pid);
      const profile = stopProfile ? await stopProfile() : null;
      Object.assign(r, serverCpu(cpuBefore, cpuAfter, r.ok2xx + r.non2xx, settings.durationSec));
      add(r);
      log(`${target.name} · ${scenario.title} · c=${connections}: ${describe(r)}`);
      if (profile) log(describeProfile(profile, r, settings.durationSec));
      this.rows.push({ scenario: scenarioId, target: target.name, connections, durationSec: settings.durationSec, ...r, ...(profile ? { profile } : {}) });
    }
    if (scenarioId === 'click') ids.setKnownClicks(tally.acknowledged);
    if (target.health && scenario.table === 'conversions') {
      const health = await target.health();
      log(
        `${target.name} · deliveries still pending right after the run: ${health.worker?.pending} (worker ${health.worker?.running ? 'running' : 'stopped'}, circuit ${health.upstream?.circuit})`,
      );
    }
  }

  /** Stops the target (the api by SIGKILL) and checks its database against what was acknowledged. */
  async finish() {
    if (this.finished) return [];
    this.finished = true;
    const counts = await this.target.finish();
    if (!counts) return [];
    const checks = [];
    for (const [scenarioId, { acknowledged, built }] of Object.entries(this.sent)) {
      const { table } = SCENARIOS[scenarioId];
      if (!table) continue;
      const rows = Number(counts[table]);
      checks.push({
        target: this.target.name,
        table,
        acknowledged,
        rows,
        sent: built,
        ok: acknowledged <= rows && rows <= built,
        detail: `${acknowledged} acknowledged <= ${rows} rows <= ${built} sent`,
      });
      if (table === 'conversions') {
        const deliveries = Number(counts.deliveries);
        checks.push({
          target: this.target.name,
          table: 'deliveries',
          rows: deliveries,
          ok: deliveries === rows,
          detail: `${deliveries} rows = ${rows} conversions (the outbox row is written in the same transaction)`,
        });
      }
    }
    return checks;
  }
}
