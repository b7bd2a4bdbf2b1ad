// CPU time a process has used (user + system), from /proc on Linux. On a shared machine throughput drifts with
// everything else running; CPU per request moves much less, so the report gives both. The main thread is
// counted apart from the rest (libuv's pool: SQLite statements and fsync, crypto, zlib).
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux build

function ticks(path) {
  const stat = readFileSync(path, 'utf8');
  // The command name (field 2) may contain spaces; count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Milliseconds of CPU used so far by `pid` in all and on its main thread, or null without /proc. */
export function cpuMs(pid) {
  try {
    const toMs = (t) => (t * 1000) / TICKS_PER_SECOND;
    return { total: toMs(ticks(`/proc/${pid}/stat`)), main: toMs(ticks(`/proc/${pid}/task/${pid}/stat`)) };
  } catch {
    return null;
  }
}
