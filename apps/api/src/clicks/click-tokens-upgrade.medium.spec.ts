import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGoal } from '../../test/support/seed';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { GoalsService } from '../goals/goals.service';
import { dataSourceOptions } from '../database/data-source-options';
import { MIGRATIONS } from '../database/migrations';
import { ClickTokens1732720000000 } from '../database/migrations/1732720000000-click-tokens';
import { CLICK_COOKIE } from './click-cookie';

/** The SQL of the upgrade is the same on both dialects; an install that predates per-browser tokens is simplest made on SQLite. */
describe('upgrading to per-browser click tokens on SQLite', () => {
  let t: TestApp;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'goalpost-click-tokens-'));
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(ClickTokens1732720000000));
    const old = new DataSource({ ...dataSourceOptions({ dialect: 'sqlite', path: join(dataDir, 'goalpost.sqlite') }, []), migrations: before });
    await old.initialize();
    await old.runMigrations();
    await old.query(
      `INSERT INTO "clicks" ("click_session_id", "token", "via", "hits", "first_seen_at", "last_seen_at") VALUES ('cs-before', 'token-given-out-before', 'snippet', 1, ?, ?)`,
      [Date.now(), Date.now()],
    );
    await old.destroy();

    t = await bootApp({}, {}, { dataDir });
    const goal = await seedGoal(t.app, '6', 'Sign-up');
    await t.app.get(GoalsService).update(goal.id, { allowBrowser: true });
  });
  afterAll(() => t.close());

  it('keeps attributing by the cookies given out before', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/t/goals',
      headers: { cookie: `${CLICK_COOKIE}=token-given-out-before` },
      payload: { goal: '6', mref: 'UP-1' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ attribution: 'cookie', clickSessionID: 'cs-before' });
  });
});
