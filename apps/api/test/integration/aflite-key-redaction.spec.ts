import type { DeliveryDetailResponse, DeliveryListResponse } from '@goalpost/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AdminClient } from './harness/admin-client';
import { describeEachDialect } from './harness/dialects';
import { uid } from './harness/ids';
import { paramOf } from './harness/sandbox-client';
import { GOAL_ID } from './harness/stack';

/** Characters every encoding writes differently, so a copy that slipped through in any one form is caught. */
const KEY = 'it/aflite+key=7&"<x>';
/** Lower-cased forms of the middle of the key: none may appear anywhere Goalpost writes, shows or logs. */
const NEEDLES = ['aflite+key=7', 'aflite%2bkey%3d7', 'aflite%252bkey%253d7', 'aflite\\u002bkey', 'aflite&#43;key'];

function expectNoKey(where: string, text: string): void {
  const haystack = text.toLowerCase();
  for (const needle of NEEDLES)
    expect(haystack.includes(needle), `${where} holds the Aflite API key (${needle}):\n${excerptAround(haystack, needle)}`).toBe(false);
}

function excerptAround(text: string, needle: string): string {
  const at = text.indexOf(needle);
  return text.slice(Math.max(0, at - 200), at + 200);
}

describeEachDialect(
  'the Aflite API key never leaves Goalpost except in the request to Aflite',
  (ctx) => {
    let admin: AdminClient;
    const mrefs: string[] = [];
    let logMark = 0;

    beforeAll(async () => {
      admin = await AdminClient.setUp(ctx.stack.api.url);
      logMark = ctx.stack.log.mark();
    });
    afterAll(() => admin?.close());

    const deliver = async (fault: Parameters<typeof ctx.stack.sandbox.setFault>[0], status: 'delivered' | 'failed') => {
      const { api, sandbox } = ctx.stack;
      await sandbox.setFault(fault);
      const mref = uid('order');
      mrefs.push(mref);
      await api.createConversion({ goalId: GOAL_ID, mref, clickSessionID: uid('cs') });
      await api.waitForStatus(GOAL_ID, mref, status, 15_000);
      const sent = await sandbox.registerRequestsFor(mref);
      // The key did go to Aflite, and Aflite did echo it: otherwise finding it nowhere would prove nothing.
      expect(paramOf(sent[0], 'apikey')).toBe(KEY);
      return mref;
    };

    it('the sandbox echoes the key in its body and headers', async () => {
      await ctx.stack.sandbox.setFault({ echoKey: true, status: 302, count: 1 });
      const res = await ctx.stack.api.http.send(`${ctx.stack.sandbox.url}/data/register/goal`, { form: { apikey: KEY, mid: '4242', help: '1' } });
      expect(res.status).toBe(302);
      expect(res.text).toContain(KEY);
      expect(res.header('x-request-id')).toContain(encodeURIComponent(KEY));
      expect(res.header('location')).toContain(encodeURIComponent(KEY));
    });

    it('scrubs an accepted answer that repeats the key', async () => {
      await deliver({ echoKey: true, count: 1 }, 'delivered');
    });

    it('scrubs a rejection (last_error, the warning logged) and a redirect that repeat the key', async () => {
      await deliver({ echoKey: true, status: 400, count: 1 }, 'failed');
      await deliver({ echoKey: true, status: 302, count: 1 }, 'failed');
    });

    it('scrubs retried and ambiguous answers, and a goals-feed check, that repeat the key', async () => {
      await deliver({ echoKey: true, status: 503, count: 1 }, 'delivered');
      await deliver({ echoKey: true, status: 500, count: 2, paths: ['register', 'goals'] }, 'delivered');
    });

    it('scrubs test tracking: a trace from the dashboard, Aflite help, and the drop-in trace and help', async () => {
      const { api, sandbox } = ctx.stack;
      await sandbox.setFault({ echoKey: true, paths: ['register'] });
      const trace = await admin.send('/api/admin/test-tracking/trace', { json: { goalId: GOAL_ID, clickSessionID: uid('cs'), mref: uid('test') } });
      expect(trace.status, trace.text).toBe(200);
      expect(trace.text).toContain('apikey=••••');
      expectNoKey('the test-tracking trace answer', trace.text);
      const help = await admin.ok('/api/admin/test-tracking/help');
      expect(help.text).toContain('••••');
      expectNoKey('the Aflite help answer', help.text);

      const dropIn = new URLSearchParams({ apikey: api.ingestKey, goalid: GOAL_ID, mref: uid('test'), clickSessionID: uid('cs'), value: '1.00' });
      const dropInTrace = await api.get(`/data/register/goal?${dropIn}&traceOnly=1`);
      expect(dropInTrace.status, dropInTrace.text).toBe(200);
      expectNoKey('the drop-in trace answer', dropInTrace.text);
      const dropInHelp = await api.get(`/data/register/goal?apikey=${encodeURIComponent(api.ingestKey)}&help=1`);
      expectNoKey('the drop-in help answer', dropInHelp.text);
    });

    it('shows the key nowhere: attempts, history, CSV, trace, health, the database and the log', async () => {
      const stack = ctx.stack;
      const api = stack.api;
      const shown: string[] = [];
      for (const mref of mrefs) {
        const list = (await admin.ok(`/api/admin/deliveries?q=${encodeURIComponent(mref)}`)).json<DeliveryListResponse>();
        expect(list.items, mref).toHaveLength(1);
        shown.push(JSON.stringify(list));
        const detail = (await admin.ok(`/api/admin/deliveries/${list.items[0].id}`)).json<DeliveryDetailResponse>();
        expect(detail.attempts.length).toBeGreaterThan(0);
        for (const attempt of detail.attempts) {
          const headerNames = Object.keys(attempt.responseHeaders);
          expect(headerNames.filter((name) => !['content-type', 'content-length', 'date', 'retry-after', 'location', 'x-request-id'].includes(name))).toEqual(
            [],
          );
        }
        shown.push(JSON.stringify(detail));
        shown.push((await admin.ok(`/api/admin/trace?q=${encodeURIComponent(mref)}`)).text);
      }
      const all = shown.join('\n');
      // What Aflite said is still there, with the key masked: the answers were redacted, not dropped.
      expect(all).toContain('apikey=••••');
      expect(all).toContain(`"x-request-id":"req-••••`);
      expect(all).toMatch(/unexpected redirect \(HTTP 302\) to \/data\/register\/goal\?apikey=••••/);
      expect(all).toContain('HTTP 400: ERROR: injected 400');
      expectNoKey('the admin API', all);

      const csv = await admin.ok('/api/admin/deliveries/export.csv');
      expect(csv.text).toContain('ERROR: injected 400');
      expectNoKey('the CSV export', csv.text);
      expectNoKey('/health', JSON.stringify(await api.health()));
      expectNoKey('the database', await stack.database.contents());

      // The api's own lines only: the sandbox may print what it was sent.
      const log = stack.log
        .since(logMark, 100_000)
        .split('\n')
        .filter((line) => line.startsWith('[api'))
        .join('\n');
      expect(log).toContain('delivery failed');
      expectNoKey("the api's log output", log);
    });
  },
  { afliteApiKey: KEY },
);
