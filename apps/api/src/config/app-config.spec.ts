import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config';

const dir = () => mkdtempSync(join(tmpdir(), 'gp-config-'));

describe('loadConfig', () => {
  it('defaults to SQLite under ./data with a generated, persisted secret', () => {
    const cwd = dir();
    const config = loadConfig({}, cwd);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dialect: 'sqlite', path: join(cwd, 'data', 'goalpost.sqlite') });
    expect(readFileSync(join(cwd, 'data', 'secret.key'), 'utf8').trim()).toBe(config.secret);
    expect(loadConfig({}, cwd).secret).toBe(config.secret);
  });

  it('reads PostgreSQL and the Aflite seed values', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://u@h/db', GOALPOST_SECRET: 's', AFLITE_METHOD: 'get', ALLOWED_ORIGINS: 'https://a.example, https://b.example' },
      dir(),
    );
    expect(config.database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@h/db',
      timeouts: { connectMs: 5000, statementMs: 15000, idleInTransactionMs: 10000 },
    });
    expect(config.seed.afliteMethod).toBe('GET');
    expect(config.seed.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('reads the PostgreSQL timeouts; 0 lifts the statement and idle-in-transaction limits, never the connect one', () => {
    const env = { DATABASE_URL: 'postgres://u@h/db', GOALPOST_SECRET: 's' };
    const config = loadConfig(
      { ...env, DATABASE_CONNECT_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0' },
      dir(),
    );
    expect(config.database).toMatchObject({ timeouts: { connectMs: 2000, statementMs: 0, idleInTransactionMs: 0 } });
    expect(() => loadConfig({ ...env, DATABASE_CONNECT_TIMEOUT_MS: '0' }, dir())).toThrow(/DATABASE_CONNECT_TIMEOUT_MS: must be an integer >= 1/);
    expect(() => loadConfig({ ...env, DATABASE_STATEMENT_TIMEOUT_MS: '-5' }, dir())).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS: must be an integer >= 0/);
    expect(() => loadConfig({ ...env, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 'soon' }, dir())).toThrow(/DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS/);
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', AFLITE_METHOD: 'PUT', GOALPOST_SECRET: 's' }, dir())).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*AFLITE_METHOD|PORT[\s\S]*AFLITE_METHOD[\s\S]*DATABASE_URL/,
    );
  });

  it('refuses a lease shorter than the two calls one delivery can make, naming both variables', () => {
    // 1 s timeout: each call up to 1 s connect + 1 s headers + 1 s body, two calls, 2 s margin.
    const env = { DELIVERY_TIMEOUT_MS: '1000', GOALPOST_SECRET: 's' };
    expect(() => loadConfig({ ...env, DELIVERY_LEASE_MS: '7999' }, dir())).toThrow(/DELIVERY_LEASE_MS: must be at least 8000 when DELIVERY_TIMEOUT_MS is 1000/);
    expect(loadConfig({ ...env, DELIVERY_LEASE_MS: '8000' }, dir()).delivery.leaseMs).toBe(8000);
  });

  it('caps the connect part of a call at 5 s when it checks the lease', () => {
    // 10 s timeout: 5 s connect + 10 s headers + 10 s body, twice, plus the margin.
    expect(() => loadConfig({ DELIVERY_TIMEOUT_MS: '10000', DELIVERY_LEASE_MS: '51999', GOALPOST_SECRET: 's' }, dir())).toThrow(/at least 52000/);
    expect(loadConfig({ GOALPOST_SECRET: 's' }, dir()).delivery).toMatchObject({ timeoutMs: 10_000, leaseMs: 60_000 });
  });

  it('refuses non-positive tuning values', () => {
    expect(() => loadConfig({ DELIVERY_MAX_ATTEMPTS: '0', GOALPOST_SECRET: 's' }, dir())).toThrow(/DELIVERY_MAX_ATTEMPTS/);
    expect(() => loadConfig({ RESEND_JOB_CHUNK: '0', GOALPOST_SECRET: 's' }, dir())).toThrow(/RESEND_JOB_CHUNK/);
    expect(() => loadConfig({ HISTORY_EXPORT_CHUNK: '2.5', GOALPOST_SECRET: 's' }, dir())).toThrow(/HISTORY_EXPORT_CHUNK/);
  });

  it('reads the chunk sizes of the long dashboard jobs, with defaults', () => {
    expect(loadConfig({ GOALPOST_SECRET: 's' }, dir()).chunks).toEqual({ historyExport: 1000, resendJob: 500 });
    expect(loadConfig({ GOALPOST_SECRET: 's', HISTORY_EXPORT_CHUNK: '7', RESEND_JOB_CHUNK: '4' }, dir()).chunks).toEqual({ historyExport: 7, resendJob: 4 });
  });

  it('reads TRUST_PROXY as hops or addresses, and names it when it is neither', () => {
    expect(loadConfig({ GOALPOST_SECRET: 's' }, dir()).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ GOALPOST_SECRET: 's', TRUST_PROXY: '1' }, dir()).trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(loadConfig({ GOALPOST_SECRET: 's', TRUST_PROXY: '10.0.0.1,10.1.0.0/16' }, dir()).trustProxy).toEqual({
      kind: 'addresses',
      addresses: ['10.0.0.1', '10.1.0.0/16'],
    });
    expect(() => loadConfig({ GOALPOST_SECRET: 's', TRUST_PROXY: 'my-proxy' }, dir())).toThrow(/TRUST_PROXY: must be false, a number of proxy hops/);
  });

  it('reads SHUTDOWN_GRACE_MS (10 s by default) and refuses one that is not a whole number of milliseconds', () => {
    expect(loadConfig({ GOALPOST_SECRET: 's' }, dir()).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ GOALPOST_SECRET: 's', SHUTDOWN_GRACE_MS: '0' }, dir()).shutdownGraceMs).toBe(0);
    expect(loadConfig({ GOALPOST_SECRET: 's', SHUTDOWN_GRACE_MS: '2500' }, dir()).shutdownGraceMs).toBe(2_500);
    for (const bad of ['-1', '1.5', '600001']) {
      expect(() => loadConfig({ GOALPOST_SECRET: 's', SHUTDOWN_GRACE_MS: bad }, dir())).toThrow(/SHUTDOWN_GRACE_MS: must be an integer from 0 to 600000/);
    }
    expect(() => loadConfig({ GOALPOST_SECRET: 's', SHUTDOWN_GRACE_MS: 'soon' }, dir())).toThrow(/SHUTDOWN_GRACE_MS/);
  });

  it('reads the per-address limits of the public tracking routes, with generous defaults', () => {
    expect(loadConfig({ GOALPOST_SECRET: 's' }, dir()).trackingLimits).toEqual({ clicksPerMinute: 120, goalsPerMinute: 60 });
    expect(loadConfig({ GOALPOST_SECRET: 's', TRACKING_CLICKS_PER_MINUTE: '9', TRACKING_GOALS_PER_MINUTE: '4' }, dir()).trackingLimits).toEqual({
      clicksPerMinute: 9,
      goalsPerMinute: 4,
    });
    expect(() => loadConfig({ GOALPOST_SECRET: 's', TRACKING_GOALS_PER_MINUTE: '0' }, dir())).toThrow(/TRACKING_GOALS_PER_MINUTE: must be an integer >= 1/);
  });
});
