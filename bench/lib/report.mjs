// The printed table and the verdicts against the aims in bench/README.md.

const BARE = 'bare node';

/** Adds `ratio` (goalpost req/s ÷ bare req/s, same scenario and connections) and `verdict` to each row. */
export function judge(rows, scenarios) {
  for (const row of rows) {
    const bare = rows.find((r) => r.target === BARE && r.scenario === row.scenario && r.connections === row.connections);
    row.ratio = row.target === BARE || !bare ? null : row.requestsPerSec / bare.requestsPerSec;
    const aim = scenarios[row.scenario].aim;
    row.aim = row.target === BARE ? null : aim;
    row.verdict = row.ratio === null || aim === null ? null : row.ratio >= aim ? 'PASS' : 'BELOW';
  }
  return rows;
}

export function printTable(rows, scenarios) {
  const header = ['scenario', 'conns', 'target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'cpu µs/req', 'vs bare', 'aim', 'verdict'];
  const lines = rows.map((r) => [
    scenarios[r.scenario].title,
    String(r.connections),
    r.target,
    r.requestsPerSec.toFixed(0),
    r.latencyMs.p50.toFixed(0),
    r.latencyMs.p99.toFixed(0),
    String(r.non2xx),
    String(r.errors + r.timeouts),
    r.serverCpuMsPerRequest == null ? '' : (r.serverCpuMsPerRequest * 1000).toFixed(0),
    r.ratio === null ? '' : `${(r.ratio * 100).toFixed(1)}%`,
    r.aim === null ? '' : `>= ${(r.aim * 100).toFixed(0)}%`,
    r.verdict ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const numeric = new Set([1, 3, 4, 5, 6, 7, 8, 9]);
  const format = (cells) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

export function printDurability(checks) {
  console.log('\nDurability (api killed with SIGKILL, then rows counted in the database itself):');
  for (const c of checks) {
    const status = c.ok ? 'OK  ' : 'FAIL';
    console.log(`  ${status} ${c.target} ${c.table}: ${c.detail}`);
  }
}
