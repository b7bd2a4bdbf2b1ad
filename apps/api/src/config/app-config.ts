import { bool, cleanEnv, makeValidator, num, port, str, url } from 'envalid';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { CALLS_PER_DELIVERY, LEASE_MARGIN_MS, longestCallMs, shortestLeaseMs } from '../delivery/aflite-timeouts';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/** How long PostgreSQL may take before a request is refused with 503 instead of hanging (0: no limit). */
export interface PostgresTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement; enforced by the server, and by the client too when the server does not answer at all. */
  statementMs: number;
  /** A transaction left open without a statement (its holder stalled or vanished): the server ends the session and its locks. */
  idleInTransactionMs: number;
}

/** Long enough for any statement Goalpost runs on a healthy server, short enough that a merchant's server is told 503 rather than left waiting. */
export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = { connectMs: 5_000, statementMs: 15_000, idleInTransactionMs: 10_000 };

export type DatabaseConfig = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string; timeouts: PostgresTimeouts };

/** Ten minutes: longer than any orchestrator waits before it kills the process anyway. */
const MAX_SHUTDOWN_GRACE_MS = 600_000;

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  secret: string;
  publicUrl: string | null;
  trustProxy: TrustProxy;
  logLevel: string;
  workerEnabled: boolean;
  /**
   * How long a stop (SIGTERM, SIGINT, app.close()) waits for requests and deliveries in flight before it
   * closes the Aflite pool and the database anyway.
   */
  shutdownGraceMs: number;
  /** Rows per statement of the dashboard's long jobs: enough to be quick, few enough not to hold the write lock long. */
  chunks: {
    /** Conversions read per query while exporting the delivery history as CSV. */
    historyExport: number;
    /** Conversions a resend job puts back in the queue per transaction. */
    resendJob: number;
  };
  /** Values that seed the stored settings at every start when set (the environment wins). */
  seed: {
    afliteBaseUrl?: string;
    afliteApiKey?: string;
    afliteMid?: string;
    afliteMethod?: 'GET' | 'POST';
    cookieDomain?: string;
    allowedOrigins?: string[];
    redirectHosts?: string[];
    attributionWindowDays?: number;
    maxAttempts?: number;
    retryBaseMs?: number;
    retryMaxMs?: number;
  };
  delivery: {
    timeoutMs: number;
    pollMs: number;
    leaseMs: number;
    concurrency: number;
    circuitThreshold: number;
    circuitWindowMs: number;
    circuitCooldownMs: number;
    circuitMaxCooldownMs: number;
  };
  /** Requests per client address (request.ip) per minute on the public tracking routes. */
  trackingLimits: {
    /** `POST /t/clicks` and `GET /t/click` together. */
    clicksPerMinute: number;
    /** `POST /t/goals`. */
    goalsPerMinute: number;
  };
}

const csv = makeValidator<string[]>((input) =>
  input
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const trustProxy = makeValidator<TrustProxy>((input) => parseTrustProxy(input));

const databaseUrl = makeValidator<string>((input) => {
  if (!/^(postgres(ql)?|sqlite|file):/i.test(input)) {
    throw new Error('must start with postgres://, postgresql://, sqlite: or file:');
  }
  return input;
});

const method = makeValidator<'GET' | 'POST'>((input) => {
  const upper = input.toUpperCase();
  if (upper !== 'GET' && upper !== 'POST') throw new Error('must be GET or POST');
  return upper;
});

/** Reads and validates the environment once; throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const e = cleanEnv(
    env,
    {
      PORT: port({ default: 3000 }),
      HOST: str({ default: '0.0.0.0' }),
      DATA_DIR: str({ default: 'data' }),
      DATABASE_URL: databaseUrl({ default: undefined }),
      DATABASE_CONNECT_TIMEOUT_MS: num({ default: DEFAULT_POSTGRES_TIMEOUTS.connectMs }),
      DATABASE_STATEMENT_TIMEOUT_MS: num({ default: DEFAULT_POSTGRES_TIMEOUTS.statementMs }),
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: num({ default: DEFAULT_POSTGRES_TIMEOUTS.idleInTransactionMs }),
      GOALPOST_SECRET: str({ default: undefined }),
      PUBLIC_URL: url({ default: undefined }),
      TRUST_PROXY: trustProxy({ default: { kind: 'none' } }),
      LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
      GOALPOST_WORKER: bool({ default: true }),
      SHUTDOWN_GRACE_MS: num({ default: 10_000 }),
      HISTORY_EXPORT_CHUNK: num({ default: 1_000 }),
      RESEND_JOB_CHUNK: num({ default: 500 }),
      AFLITE_BASE_URL: url({ default: undefined }),
      AFLITE_API_KEY: str({ default: undefined }),
      AFLITE_MID: str({ default: undefined }),
      AFLITE_METHOD: method({ default: undefined }),
      COOKIE_DOMAIN: str({ default: undefined }),
      ALLOWED_ORIGINS: csv({ default: undefined }),
      REDIRECT_HOSTS: csv({ default: undefined }),
      ATTRIBUTION_WINDOW_DAYS: num({ default: undefined }),
      DELIVERY_MAX_ATTEMPTS: num({ default: undefined }),
      DELIVERY_RETRY_BASE_MS: num({ default: undefined }),
      DELIVERY_RETRY_MAX_MS: num({ default: undefined }),
      DELIVERY_TIMEOUT_MS: num({ default: 10_000 }),
      DELIVERY_POLL_MS: num({ default: 1_000 }),
      DELIVERY_LEASE_MS: num({ default: 60_000 }),
      DELIVERY_CONCURRENCY: num({ default: 8 }),
      CIRCUIT_FAILURE_THRESHOLD: num({ default: 5 }),
      CIRCUIT_WINDOW_MS: num({ default: 30_000 }),
      CIRCUIT_COOLDOWN_MS: num({ default: 15_000 }),
      CIRCUIT_MAX_COOLDOWN_MS: num({ default: 60_000 }),
      TRACKING_CLICKS_PER_MINUTE: num({ default: 120 }),
      TRACKING_GOALS_PER_MINUTE: num({ default: 60 }),
    },
    {
      reporter: ({ errors }) => {
        const names = Object.keys(errors);
        if (names.length === 0) return;
        const lines = names.map((name) => `  ${name}: ${(errors as Record<string, Error>)[name].message}`);
        throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
      },
    },
  );

  const positive = (name: string, value: number | undefined, min = 1) => {
    if (value !== undefined && (!Number.isInteger(value) || value < min)) {
      throw new Error(`Invalid configuration:\n  ${name}: must be an integer >= ${min}`);
    }
    return value;
  };
  for (const [name, value] of Object.entries({
    DELIVERY_TIMEOUT_MS: e.DELIVERY_TIMEOUT_MS,
    DELIVERY_POLL_MS: e.DELIVERY_POLL_MS,
    DELIVERY_LEASE_MS: e.DELIVERY_LEASE_MS,
    DELIVERY_CONCURRENCY: e.DELIVERY_CONCURRENCY,
    CIRCUIT_FAILURE_THRESHOLD: e.CIRCUIT_FAILURE_THRESHOLD,
    CIRCUIT_WINDOW_MS: e.CIRCUIT_WINDOW_MS,
    CIRCUIT_COOLDOWN_MS: e.CIRCUIT_COOLDOWN_MS,
    CIRCUIT_MAX_COOLDOWN_MS: e.CIRCUIT_MAX_COOLDOWN_MS,
    DELIVERY_MAX_ATTEMPTS: e.DELIVERY_MAX_ATTEMPTS,
    DELIVERY_RETRY_BASE_MS: e.DELIVERY_RETRY_BASE_MS,
    DELIVERY_RETRY_MAX_MS: e.DELIVERY_RETRY_MAX_MS,
    ATTRIBUTION_WINDOW_DAYS: e.ATTRIBUTION_WINDOW_DAYS,
  })) {
    positive(name, value);
  }
  positive('DATABASE_CONNECT_TIMEOUT_MS', e.DATABASE_CONNECT_TIMEOUT_MS);
  positive('DATABASE_STATEMENT_TIMEOUT_MS', e.DATABASE_STATEMENT_TIMEOUT_MS, 0);
  positive('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, 0);
  const timeouts: PostgresTimeouts = {
    connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
  if (e.CIRCUIT_MAX_COOLDOWN_MS < e.CIRCUIT_COOLDOWN_MS) {
    throw new Error('Invalid configuration:\n  CIRCUIT_MAX_COOLDOWN_MS: must be at least CIRCUIT_COOLDOWN_MS');
  }
  leaseOutlastsCalls(e.DELIVERY_LEASE_MS, e.DELIVERY_TIMEOUT_MS);
  if (!Number.isInteger(e.SHUTDOWN_GRACE_MS) || e.SHUTDOWN_GRACE_MS < 0 || e.SHUTDOWN_GRACE_MS > MAX_SHUTDOWN_GRACE_MS) {
    throw new Error(`Invalid configuration:\n  SHUTDOWN_GRACE_MS: must be an integer from 0 to ${MAX_SHUTDOWN_GRACE_MS} (milliseconds)`);
  }

  positive('HISTORY_EXPORT_CHUNK', e.HISTORY_EXPORT_CHUNK);
  positive('RESEND_JOB_CHUNK', e.RESEND_JOB_CHUNK);
  positive('TRACKING_CLICKS_PER_MINUTE', e.TRACKING_CLICKS_PER_MINUTE);
  positive('TRACKING_GOALS_PER_MINUTE', e.TRACKING_GOALS_PER_MINUTE);

  const dataDir = isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: databaseFrom(e.DATABASE_URL, dataDir, cwd, timeouts),
    secret: e.GOALPOST_SECRET ?? loadOrCreateSecret(dataDir),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    workerEnabled: e.GOALPOST_WORKER,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    chunks: { historyExport: e.HISTORY_EXPORT_CHUNK, resendJob: e.RESEND_JOB_CHUNK },
    seed: {
      afliteBaseUrl: e.AFLITE_BASE_URL,
      afliteApiKey: e.AFLITE_API_KEY,
      afliteMid: e.AFLITE_MID,
      afliteMethod: e.AFLITE_METHOD,
      cookieDomain: e.COOKIE_DOMAIN,
      allowedOrigins: e.ALLOWED_ORIGINS,
      redirectHosts: e.REDIRECT_HOSTS,
      attributionWindowDays: e.ATTRIBUTION_WINDOW_DAYS,
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: e.DELIVERY_RETRY_BASE_MS,
      retryMaxMs: e.DELIVERY_RETRY_MAX_MS,
    },
    delivery: {
      timeoutMs: e.DELIVERY_TIMEOUT_MS,
      pollMs: e.DELIVERY_POLL_MS,
      leaseMs: e.DELIVERY_LEASE_MS,
      concurrency: e.DELIVERY_CONCURRENCY,
      circuitThreshold: e.CIRCUIT_FAILURE_THRESHOLD,
      circuitWindowMs: e.CIRCUIT_WINDOW_MS,
      circuitCooldownMs: e.CIRCUIT_COOLDOWN_MS,
      circuitMaxCooldownMs: e.CIRCUIT_MAX_COOLDOWN_MS,
    },
    trackingLimits: { clicksPerMinute: e.TRACKING_CLICKS_PER_MINUTE, goalsPerMinute: e.TRACKING_GOALS_PER_MINUTE },
  };
}

/**
 * Once a lease runs out another instance may claim the delivery and send it too: the lease must outlast
 * the longest a delivery can keep Aflite busy, or a slow Aflite becomes duplicate goals.
 */
function leaseOutlastsCalls(leaseMs: number, timeoutMs: number): void {
  const shortest = shortestLeaseMs(timeoutMs);
  if (leaseMs >= shortest) return;
  throw new Error(
    `Invalid configuration:\n  DELIVERY_LEASE_MS: must be at least ${shortest} when DELIVERY_TIMEOUT_MS is ${timeoutMs}: ` +
      `a delivery can make ${CALLS_PER_DELIVERY} calls to Aflite (goals-feed check, then send) of up to ${longestCallMs(timeoutMs)} ms each ` +
      `(connect + headers + body timeouts), plus ${LEASE_MARGIN_MS} ms for its commits. Raise DELIVERY_LEASE_MS or lower DELIVERY_TIMEOUT_MS.`,
  );
}

function databaseFrom(databaseUrl: string | undefined, dataDir: string, cwd: string, timeouts: PostgresTimeouts): DatabaseConfig {
  if (!databaseUrl) return { dialect: 'sqlite', path: join(dataDir, 'goalpost.sqlite') };
  if (/^postgres(ql)?:/i.test(databaseUrl)) return { dialect: 'postgres', url: databaseUrl, timeouts };
  const path = databaseUrl.replace(/^(sqlite|file):(\/\/)?/i, '');
  return { dialect: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
}

/** Without GOALPOST_SECRET, a random key is generated once and kept beside the database. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
