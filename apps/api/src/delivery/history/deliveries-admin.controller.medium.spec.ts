import type { DeliveryDetailResponse, DeliveryListResponse } from '@goalpost/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalEntity } from '../../goals/goal.entity';
import { asAdmin, bootApp, setUpAdmin, type AdminSession, type TestApp } from '../../../test/support/test-app';
import { seedConversion, seedGoal } from '../../../test/support/seed';

const T0 = Date.parse('2024-11-01T12:00:00Z');
const EXPORT_CHUNK = 7;

describe('delivery history', () => {
  let t: TestApp;
  let admin: AdminSession;
  let sale: GoalEntity;
  let signup: GoalEntity;
  /** Every seeded conversion id, in the order the list must show them: created_at desc, id desc. */
  let expectedOrder: number[] = [];
  const get = (url: string) => asAdmin(t.app, admin, url);
  const list = async (query: string): Promise<DeliveryListResponse> => {
    const res = await get(`/api/admin/deliveries?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const walk = async (query: string, limit: number): Promise<{ ids: number[]; pages: number }> => {
    const ids: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: DeliveryListResponse = await list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return { ids, pages };
  };

  beforeAll(async () => {
    // A small export chunk, so the exports below cross many chunk boundaries.
    t = await bootApp({ HISTORY_EXPORT_CHUNK: String(EXPORT_CHUNK) });
    admin = await setUpAdmin(t.app);
    sale = await seedGoal(t.app, '5', 'Sale');
    signup = await seedGoal(t.app, '7', 'Sign-up', null);
    // 45 conversions on only three distinct timestamps: pages must break inside a run of equal times.
    const seeded: { id: number; createdAt: number }[] = [];
    for (let i = 0; i < 45; i++) {
      const createdAt = T0 + (i % 3) * 60_000;
      const status = i % 5 === 0 ? 'failed' : i % 5 === 1 ? 'delivered' : 'pending';
      const c = await seedConversion(t.app, { goal: i % 4 === 0 ? signup : sale, mref: `ORDER-${1000 + i}`, createdAt, status, isTest: i % 9 === 0 });
      seeded.push({ id: c.id, createdAt });
    }
    expectedOrder = seeded.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id).map((s) => s.id);
  });
  afterAll(() => t.close());

  it('pages through equal timestamps with no duplicate and no gap', async () => {
    for (const limit of [1, 7, 15, 200]) {
      const { ids, pages } = await walk('', limit);
      expect(ids, `limit ${limit}`).toEqual(expectedOrder);
      expect(pages).toBe(Math.max(1, Math.ceil(45 / limit)));
    }
  });

  it('keeps keyset pages exact under a filter too', async () => {
    const all = await list('status=pending&limit=200');
    const { ids } = await walk('status=pending', 4);
    expect(ids).toEqual(all.items.map((i) => i.id));
    expect(all.items.every((i) => i.status === 'pending')).toBe(true);
  });

  it('does not skip a row added after the first page was read', async () => {
    const first = await list('limit=10');
    const late = await seedConversion(t.app, { goal: sale, mref: 'LATE-1', createdAt: T0 - 1 });
    let cursor = first.nextCursor;
    const rest: number[] = [];
    while (cursor) {
      const page = await list(`limit=10&cursor=${encodeURIComponent(cursor)}`);
      rest.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect([...first.items.map((i) => i.id), ...rest]).toEqual([...expectedOrder, late.id]);
  });

  it('filters by status, goal, kind, time and reference', async () => {
    const failed = await list('status=failed&limit=200');
    expect(failed.items.length).toBeGreaterThan(0);
    expect(failed.items.every((i) => i.status === 'failed')).toBe(true);

    const signups = await list('goalId=7&limit=200');
    expect(signups.items.length).toBe(12);
    expect(signups.items.every((i) => i.goalId === '7' && i.goalName === 'Sign-up')).toBe(true);
    expect((await list('goalId=nope')).items).toEqual([]);

    const tests = await list('kind=test&limit=200');
    expect(tests.items.length).toBe(5);
    expect(tests.items.every((i) => i.test)).toBe(true);
    expect((await list('kind=live&limit=200')).items.every((i) => !i.test)).toBe(true);

    const middle = await list(`from=${new Date(T0 + 60_000).toISOString()}&to=${new Date(T0 + 120_000).toISOString()}&limit=200`);
    expect(middle.items.length).toBe(15);
    expect(middle.items.every((i) => i.createdAt === new Date(T0 + 60_000).toISOString())).toBe(true);

    expect((await list('q=ORDER-1007')).items.map((i) => i.mref)).toEqual(['ORDER-1007']);
    expect((await list('q=ORDER-100&limit=200')).items.map((i) => i.mref).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `ORDER-100${i}`));
    expect((await list('q=click-ORDER-1012')).items.map((i) => i.mref)).toEqual(['ORDER-1012']);
    // A prefix search is a prefix search in any case, without LIKE wildcards.
    expect((await list('q=ORDER_10')).items).toEqual([]);
    expect((await list('q=order-1007')).items.map((i) => i.mref)).toEqual(['ORDER-1007']);
  });

  it('treats a date without a zone as London time', async () => {
    // 2024-11-01 is GMT, so London midnight is 00:00Z and the whole seeded set falls on that day.
    expect((await list('from=2024-11-01&to=2024-11-02&q=ORDER-&limit=200')).items.length).toBe(45);
    expect((await list('from=2024-10-31T23:59:59%2B00:00&to=2024-11-01&q=ORDER-')).items).toEqual([]);
    expect((await list('from=2024-11-01T12:01&q=ORDER-&limit=200')).items.length).toBe(30);
  });

  it('answers bad filters with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['status=lost', 'status'],
      ['kind=both', 'kind'],
      ['from=yesterday', 'from'],
      ['to=2024-13-45', 'to'],
      ['from=2024-11-02&to=2024-11-01', 'to'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['q=has%20space', 'q'],
      ['sort=id', 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/admin/deliveries?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().fields?.[0]?.field ?? res.json().message, query).toMatch(new RegExp(`^${field}`));
    }
  });

  it('shows a conversion with its attempts, oldest first', async () => {
    const c = await seedConversion(t.app, {
      goal: sale,
      mref: 'DETAIL-1',
      status: 'failed',
      delivery: { state: 'failed', attemptCount: 2, lastError: 'Gave up after 2 attempts: HTTP 503' },
      attempts: [
        { outcome: 'retry', statusCode: 503, body: 'busy', reason: 'HTTP 503: busy' },
        { outcome: 'failed', statusCode: 503, body: 'busy', reason: 'HTTP 503: busy' },
      ],
    });
    const res = await get(`/api/admin/deliveries/${c.id}`);
    expect(res.statusCode).toBe(200);
    const detail: DeliveryDetailResponse = res.json();
    expect(detail.conversion).toMatchObject({
      id: c.id,
      mref: 'DETAIL-1',
      status: 'failed',
      attemptCount: 2,
      lastError: 'Gave up after 2 attempts: HTTP 503',
      nextAttemptAt: null,
    });
    expect(detail.attempts.map((a) => a.outcome)).toEqual(['retry', 'failed']);
    expect(detail.click).toBeNull();
    expect((await get('/api/admin/deliveries/999999')).statusCode).toBe(404);
    expect((await get('/api/admin/deliveries/abc')).json().fields[0].field).toBe('id');
  });

  it('exports the filtered history as CSV, escaped and safe to open in a spreadsheet', async () => {
    await seedConversion(t.app, { goal: sale, mref: '=HYPERLINK("http://evil.example","click")', createdAt: T0 + 999_000 });
    await seedConversion(t.app, {
      goal: sale,
      mref: '+44,7700',
      createdAt: T0 + 998_000,
      status: 'failed',
      delivery: { state: 'failed', lastError: 'said "no"\nthen closed' },
    });
    const res = await get(`/api/admin/deliveries/export.csv?from=${new Date(T0 + 900_000).toISOString()}&to=${new Date(T0 + 1_000_000).toISOString()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=/);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,goal_id,goal_name,mref,value,status,test,click_session_id,attribution,source,attempts,delivered_at,last_error,last_outcome',
    );
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",10.99,pending,false,`);
    expect(lines[2]).toContain(`,"'+44,7700",10.99,failed,false,"click-+44,7700",explicit,api,0,,"said ""no""\nthen closed",`);
    // The quoted line break keeps the record whole: header, two records, and the final CRLF.
    expect(res.body.split(/\r\n(?=\d|$)/)).toHaveLength(4);
  });

  it('shows an attempt a dead instance left unanswered as interrupted, in the detail, the list and the export', async () => {
    const c = await seedConversion(t.app, {
      goal: sale,
      mref: 'INTERRUPTED-1',
      attempts: [{ outcome: 'interrupted', reason: 'No outcome was recorded' }],
    });
    const detail: DeliveryDetailResponse = (await get(`/api/admin/deliveries/${c.id}`)).json();
    expect(detail.attempts.map((a) => [a.outcome, a.reason])).toEqual([['interrupted', 'No outcome was recorded']]);
    expect(detail.conversion).toMatchObject({ attemptCount: 1, lastAttemptOutcome: 'interrupted' });
    const csv = await get(`/api/admin/deliveries/export.csv?q=INTERRUPTED-1`);
    const [, line] = csv.body.split('\r\n');
    expect(line).toMatch(/,INTERRUPTED-1,.*,1,,,interrupted$/);
  });

  it('refuses a bad export filter before any CSV is sent', async () => {
    const res = await get('/api/admin/deliveries/export.csv?from=someday');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('from');
  });

  it('exports across many read chunks, with the same rows in the same order as the list', async () => {
    const res = await get('/api/admin/deliveries/export.csv?kind=live');
    const ids = res.body
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    const listed = await walk('kind=live', 200);
    expect(ids.length).toBeGreaterThan(2 * EXPORT_CHUNK);
    expect(ids).toEqual(listed.ids);
  });
});
