import { DELIVERY_TOTAL_BOUND, type DeliveryListResponse } from '@goalpost/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../database/db.service';
import { caseInsensitivePrefixMatch, SqlParams } from '../../database/sql-params';
import type { GoalEntity } from '../../goals/goal.entity';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { seedConversion, seedGoal, seedManyConversions } from '../../../test/support/seed';

const YEAR_START = Date.parse('2025-01-01T00:00:00Z');
const DAY = 86_400_000;
/** Exactly the bound: counted exactly. One more anywhere makes "10,000+". */
const BULK = DELIVERY_TOTAL_BOUND;

/**
 * The history at the size of a merchant with a year of traffic, on this run's dialect (SQLite, or PostgreSQL
 * when GOALPOST_TEST_POSTGRES_URL is set): search by the start of an mref or clickSessionID in any case, with
 * LIKE's wildcards as plain characters, and a count that stops at the bound.
 */
describe(`searching a year of deliveries (${process.env.GOALPOST_TEST_POSTGRES_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let admin: AdminSession;
  let bulkGoal: GoalEntity;
  let sale: GoalEntity;
  const list = async (query: string): Promise<DeliveryListResponse> => {
    const res = await asAdmin(t.app, admin, `/api/admin/deliveries?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const mrefs = async (q: string) => (await list(`q=${encodeURIComponent(q)}&limit=200`)).items.map((i) => i.mref).sort();

  beforeAll(async () => {
    t = await bootApp();
    admin = await setUpAdmin(t.app);
    bulkGoal = await seedGoal(t.app, '9', 'Newsletter');
    sale = await seedGoal(t.app, '5', 'Sale');
    const started = Date.now();
    await seedManyConversions(t.app, bulkGoal, BULK, (i) => ({
      mref: `Bulk-${String(i).padStart(6, '0')}`,
      clickSessionId: `BC${String(i).padStart(6, '0')}x`,
      createdAt: YEAR_START + Math.floor((i * 365 * DAY) / BULK),
    }));
    console.log(`seeded ${BULK} conversions in ${Date.now() - started} ms`);
    const at = YEAR_START + 366 * DAY;
    for (const [mref, clickSessionId] of [
      ['Ord-Mixed-1', 'CsX-Abc.1'],
      ['ORD-UPPER-2', 'plain-2'],
      ['ord-lower-3', 'plain-3'],
      ['A_B-1', 'w-1'],
      ['AXB-1', 'w-2'],
      ['50%-OFF', 'w-3'],
      ['50X-OFF', 'w-4'],
      ['_LEAD-1', 'w-5'],
      ['Ünïcode-1', 'w-6'],
    ]) {
      await seedConversion(t.app, { goal: sale, mref, clickSessionId, createdAt: at });
    }
  });
  afterAll(() => t.close());

  it('finds the start of an mref in any case, the whole mref too', async () => {
    expect(await mrefs('ord-')).toEqual(['ORD-UPPER-2', 'Ord-Mixed-1', 'ord-lower-3']);
    expect(await mrefs('ORD-MIXED')).toEqual(['Ord-Mixed-1']);
    expect(await mrefs('oRd-LoWeR-3')).toEqual(['ord-lower-3']);
    expect(await mrefs('ord-lower-3x')).toEqual([]);
    expect(await mrefs('rd-')).toEqual([]);
  });

  it('finds the start of a clickSessionID in any case', async () => {
    expect(await mrefs('csx-abc')).toEqual(['Ord-Mixed-1']);
    expect(await mrefs('CSX-ABC.1')).toEqual(['Ord-Mixed-1']);
    expect(await mrefs('bc000123')).toEqual(['Bulk-000123']);
  });

  it('takes % and _ as the characters they are, not as wildcards', async () => {
    expect(await mrefs('a_b')).toEqual(['A_B-1']);
    expect(await mrefs('50%')).toEqual(['50%-OFF']);
    expect(await mrefs('_')).toEqual(['_LEAD-1']);
    expect(await mrefs('%')).toEqual([]);
    expect(await mrefs('%OFF')).toEqual([]);
  });

  it('folds A-Z on both dialects; other letters as the database folds them', async () => {
    expect(await mrefs('ÜNïCODE')).toEqual(['Ünïcode-1']);
    // SQLite's lower() folds A-Z only; PostgreSQL's folds every letter its locale knows.
    const unicodeFolded =
      t.app.get(Db).dialect === 'postgres' && (await t.app.get(Db).query<{ l: string }>(t.app.get(Db).manager, `SELECT lower('Ü') AS "l"`, []))[0].l === 'ü';
    expect(await mrefs('üNÏCODE')).toEqual(unicodeFolded ? ['Ünïcode-1'] : []);
  });

  it('counts exactly up to the bound, then says it is a lower bound', async () => {
    const all = await list('limit=10');
    expect(all.items).toHaveLength(10);
    expect({ total: all.total, totalIsLowerBound: all.totalIsLowerBound }).toEqual({ total: DELIVERY_TOTAL_BOUND, totalIsLowerBound: true });

    const newsletter = await list('goalId=9&limit=10');
    expect({ total: newsletter.total, totalIsLowerBound: newsletter.totalIsLowerBound }).toEqual({ total: BULK, totalIsLowerBound: false });
    const bulk = await list('q=BULK-&limit=10');
    expect({ total: bulk.total, totalIsLowerBound: bulk.totalIsLowerBound }).toEqual({ total: BULK, totalIsLowerBound: false });

    const few = await list('q=bulk-00012&limit=3');
    expect(few.total).toBe(10);
    expect(few.totalIsLowerBound).toBe(false);
    // Every page of the walk carries the same count.
    const next = await list(`q=bulk-00012&limit=3&cursor=${encodeURIComponent(few.nextCursor ?? '')}`);
    expect(next.total).toBe(10);

    expect((await list('q=nothing-starts-so')).total).toBe(0);
    expect((await list('goalId=404')).total).toBe(0);
  });

  it('serves the search from the lower-cased indexes', async () => {
    const db = t.app.get(Db);
    if (db.dialect === 'postgres') await db.query(db.manager, 'ANALYZE "conversions"', []);
    const explain = db.dialect === 'postgres' ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN';
    const plan = async (sql: string, values: unknown[]) =>
      (await db.query<Record<string, unknown>>(db.manager, `${explain} ${sql}`, values)).map((row) => Object.values(row).join(' ')).join('\n');
    // The condition the history writes for `q`.
    const params = new SqlParams(db.dialect);
    const search = `${caseInsensitivePrefixMatch('c."mref"', 'BULK-00012', params)} OR ${caseInsensitivePrefixMatch('c."click_session_id"', 'BULK-00012', params)}`;
    const count = await plan(`SELECT COUNT(*) FROM (SELECT 1 FROM "conversions" c WHERE ${search} LIMIT 10001) "matching"`, params.values);
    const page = await plan(`SELECT c."id" FROM "conversions" c WHERE ${search} ORDER BY c."created_at" DESC, c."id" DESC LIMIT 51`, params.values);
    console.log(`count plan (${db.dialect}):\n${count}\npage plan (${db.dialect}):\n${page}`);
    for (const text of [count, page]) {
      expect(text).toContain('ix_conversions_mref_lower');
      expect(text).toContain('ix_conversions_click_session_lower');
    }
  });
});
