import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppOptions } from '../../src/app.module';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { applyEnvironmentSettings } from '../../src/settings/apply-environment-settings';

/**
 * Spec support (never imported by the app): the real application on a database of its own — a fresh
 * SQLite file in a temp directory, or, when GOALPOST_TEST_POSTGRES_URL is set, a fresh PostgreSQL
 * database on that server — driven through Fastify's inject.
 */
export interface TestApp {
  app: NestFastifyApplication;
  /** Where the data lives, to boot another instance on it. */
  store: TestStore;
  /** Closes the app; drops its data unless `keepData` (to boot again on it). */
  close(keepData?: boolean): Promise<void>;
}

export interface TestStore {
  dataDir: string;
  databaseUrl?: string;
}

export interface AdminSession {
  cookie: string;
  csrfToken: string;
  email: string;
}

export interface InjectOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the CSRF header (to test that it is required). */
  noCsrf?: boolean;
}

export const TEST_PASSWORD = 'correct horse battery';

const POSTGRES_SERVER = process.env.GOALPOST_TEST_POSTGRES_URL || undefined;

export interface BootOptions extends AppOptions {
  /** Leave the environment's settings unapplied, as an instance that failed to listen does (default: applied, as main does). */
  skipEnvironmentSettings?: boolean;
}

export async function bootApp(env: Record<string, string> = {}, options: BootOptions = {}, reuse?: TestStore): Promise<TestApp> {
  const store = reuse ?? (await createStore());
  const config = loadConfig({
    DATA_DIR: store.dataDir,
    GOALPOST_WORKER: 'false',
    LOG_LEVEL: 'silent',
    ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
    ...env,
  });
  const { skipEnvironmentSettings, ...appOptions } = options;
  const app = await createApp(config, { dashboardRoot: null, ...appOptions });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  if (!skipEnvironmentSettings) await applyEnvironmentSettings(app);
  return {
    app,
    store,
    close: async (keepData = false) => {
      await app.close();
      if (!keepData) await dropStore(store);
    },
  };
}

async function createStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'goalpost-admin-'));
  if (!POSTGRES_SERVER) return { dataDir };
  const name = `gp_admin_${randomBytes(6).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return { dataDir, databaseUrl: url.toString() };
}

async function dropStore(store: TestStore): Promise<void> {
  rmSync(store.dataDir, { recursive: true, force: true });
  if (store.databaseUrl) {
    const name = new URL(store.databaseUrl).pathname.slice(1);
    await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** First-run setup through the API; the returned session is what the dashboard holds after it. */
export async function setUpAdmin(app: NestFastifyApplication, email = 'owner@shop.example'): Promise<AdminSession> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/setup', payload: { email, password: TEST_PASSWORD } });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res.headers['set-cookie']), csrfToken: res.json<{ csrfToken: string }>().csrfToken, email };
}

export function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith('gp_session='));
  if (!header) throw new Error('no gp_session cookie was set');
  return header.split(';')[0];
}

/** A request as the signed-in dashboard sends it: the session cookie, and the CSRF header on writes. */
export function asAdmin(app: NestFastifyApplication, session: AdminSession, url: string, options: InjectOptions = {}) {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { cookie: session.cookie, ...options.headers };
  if (method !== 'GET' && !options.noCsrf) headers['x-csrf-token'] = session.csrfToken;
  return app.inject({ method, url, headers, ...(options.body === undefined ? {} : { payload: options.body as object }) });
}
