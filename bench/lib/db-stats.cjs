// Preloaded into the api with BENCH_PROFILE=1: counts what reaches the database drivers (sqlite3 and pg), so
// the report can say how big the group-commit batches are and where a transaction's time goes. The bench
// sends {dbStats:'reset'} before and {dbStats:'read'} after each measured run over the IPC channel.
'use strict';

let stats;
const reset = () => (stats = { statements: 0, transactions: 0, statementsInTransactions: 0, transactionMs: 0, commitMs: 0, kinds: {} });
reset();

/** "INSERT clicks", "SELECT conversions", "UPDATE deliveries": enough to see which statements dominate. */
function kind(text) {
  const verb = /^[A-Z]+/.exec(text)?.[0] ?? '?';
  const table = /\b(?:INTO|FROM|UPDATE)\s+"?([A-Za-z_]+)"?/.exec(text)?.[1]?.toLowerCase() ?? '';
  return table ? `${verb} ${table}` : verb;
}

// One open transaction per connection (SQLite has one; each pg client has its own).
const open = new WeakMap();

/** Called when a statement is sent; returns what to call when its answer is back. */
function observe(connection, sql) {
  const text = typeof sql === 'string' ? sql.trim().toUpperCase() : typeof sql?.text === 'string' ? sql.text.trim().toUpperCase() : '';
  const started = performance.now();
  stats.statements++;
  const k = kind(text);
  stats.kinds[k] = (stats.kinds[k] ?? 0) + 1;
  if (text.startsWith('BEGIN') || text.startsWith('START TRANSACTION')) {
    open.set(connection, { started, statements: 0 });
    return () => undefined;
  }
  const tx = open.get(connection);
  if (tx) tx.statements++;
  if (!tx || !(text.startsWith('COMMIT') || text.startsWith('ROLLBACK'))) return () => undefined;
  return () => {
    const now = performance.now();
    stats.transactions++;
    stats.statementsInTransactions += tx.statements - 1;
    stats.transactionMs += now - tx.started;
    stats.commitMs += now - started;
    if (open.get(connection) === tx) open.delete(connection);
  };
}

function tryRequire(name) {
  try {
    return require(name);
  } catch {
    return null;
  }
}

const sqlite3 = tryRequire('sqlite3');
if (sqlite3) {
  for (const method of ['run', 'all', 'get', 'exec']) {
    const original = sqlite3.Database.prototype[method];
    sqlite3.Database.prototype[method] = function (sql, ...args) {
      const done = observe(this, sql);
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last];
        args[last] = function (...result) {
          done();
          return callback.apply(this, result);
        };
      }
      return original.call(this, sql, ...args);
    };
  }
}

const pg = tryRequire('pg');
if (pg) {
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const done = observe(this, config);
    const cb = typeof values === 'function' ? values : callback;
    if (typeof cb === 'function') {
      const wrapped = function (...result) {
        done();
        return cb.apply(this, result);
      };
      return typeof values === 'function' ? original.call(this, config, wrapped) : original.call(this, config, values, wrapped);
    }
    const result = original.call(this, config, values);
    if (result && typeof result.then === 'function') result.then(done, done);
    return result;
  };
}

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !('dbStats' in message)) return;
  if (message.dbStats === 'reset') return void reset();
  process.send?.({ dbStatsResult: stats });
});
