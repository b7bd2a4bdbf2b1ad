import type { ApiErrorBody, ConversionResponse } from '@goalpost/contracts';
import { afterAll, expect, it } from 'vitest';
import { AdminClient } from './harness/admin-client';
import { CLICK_COOKIE, type ApiClient } from './harness/api-client';
import { describeEachDialect } from './harness/dialects';
import type { HttpResponse } from './harness/http';
import { uid } from './harness/ids';
import { GOAL_ID, REDIRECT_HOST } from './harness/stack';

interface BadRequest {
  name: string;
  send(api: ApiClient): Promise<HttpResponse>;
  status: number;
  /** The field the answer must name, in `fields` or in the message. */
  field: string;
}

/** Every conversion-shaped bad request uses this mref: the last test proves none of them was recorded. */
const MREF = uid('bad');
const CS = uid('cs');

const conversion =
  (body: unknown, headers: Record<string, string> = {}) =>
  (api: ApiClient) =>
    api.send('/api/v1/conversions', { json: body, headers: { authorization: `Bearer ${api.ingestKey}`, ...headers } });
const conversionForm = (form: Record<string, string | string[]>) => (api: ApiClient) =>
  api.send('/api/v1/conversions', { form, headers: { authorization: `Bearer ${api.ingestKey}` } });
const conversionRaw = (body: string, contentType: string) => (api: ApiClient) =>
  api.send('/api/v1/conversions', { body, headers: { authorization: `Bearer ${api.ingestKey}`, 'content-type': contentType } });
const snippetClick =
  (body: unknown, headers: Record<string, string> = {}) =>
  (api: ApiClient) =>
    api.send('/t/clicks', { json: body, headers });
const pixel = (query: Record<string, string>) => (api: ApiClient) => api.get(`/t/click?${new URLSearchParams(query)}`);
const dropInGet =
  (params: Record<string, string>, withKey = true) =>
  (api: ApiClient) =>
    api.get(`/data/register/goal?${new URLSearchParams({ ...(withKey ? { apikey: api.ingestKey } : {}), ...params })}`);
const dropInPost = (form: Record<string, string | string[]>) => (api: ApiClient) =>
  api.send('/data/register/goal', { form: { apikey: api.ingestKey, ...form } });

const valid = { goalId: GOAL_ID, mref: MREF, clickSessionID: CS };
/** Well inside the 64 KB body limit, far deeper than any real body. */
const NESTED = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const NESTED_OBJECT = `${'{"a":'.repeat(5_000)}{}${'}'.repeat(5_000)}`;
const dropIn = { goalid: GOAL_ID, mref: MREF, clickSessionID: CS, value: '10.00' };
const click = { clickSource: 'aflite', clickSessionID: CS };

const CASES: BadRequest[] = [
  { name: 'conversion without goalId', send: conversion({ mref: MREF }), status: 400, field: 'goalId' },
  { name: 'conversion without mref', send: conversion({ goalId: GOAL_ID }), status: 400, field: 'mref' },
  { name: 'conversion with a space in mref', send: conversion({ ...valid, mref: 'ORDER 1' }), status: 400, field: 'mref' },
  { name: 'conversion with a 129-character mref', send: conversion({ ...valid, mref: 'm'.repeat(129) }), status: 400, field: 'mref' },
  { name: 'conversion with value "abc"', send: conversion({ ...valid, value: 'abc' }), status: 400, field: 'value' },
  { name: 'conversion with a negative value', send: conversion({ ...valid, value: -1 }), status: 400, field: 'value' },
  { name: 'conversion with three decimals', send: conversion({ ...valid, value: '10.999' }), status: 400, field: 'value' },
  { name: 'conversion with an object as value', send: conversion({ ...valid, value: { amount: 1 } }), status: 400, field: 'value' },
  { name: 'conversion worth more than can be stored', send: conversion({ ...valid, value: '99999999.99' }), status: 400, field: 'value' },
  { name: 'conversion with a NUL in mref', send: conversion({ ...valid, mref: `${MREF}\u0000` }), status: 400, field: 'mref' },
  { name: 'conversion with a NUL in goalId', send: conversion({ ...valid, goalId: `${GOAL_ID}\u0000` }), status: 422, field: 'goalId' },
  { name: 'conversion with markup in clickSessionID', send: conversion({ ...valid, clickSessionID: '<script>' }), status: 400, field: 'clickSessionID' },
  {
    name: 'conversion with an overlong clickCookie',
    send: conversion({ goalId: GOAL_ID, mref: MREF, clickCookie: 'c'.repeat(65) }),
    status: 400,
    field: 'clickCookie',
  },
  { name: 'conversion with an unknown field', send: conversion({ ...valid, orderTotal: 3 }), status: 400, field: 'orderTotal' },
  { name: 'conversion with traceOnly "maybe"', send: conversion({ ...valid, traceOnly: 'maybe' }), status: 400, field: 'traceOnly' },
  { name: 'conversion for an unknown goal', send: conversion({ ...valid, goalId: '999' }), status: 422, field: 'goalId' },
  { name: 'conversion with goalId as a list', send: conversion({ ...valid, goalId: [GOAL_ID] }), status: 400, field: 'goalId' },
  { name: 'conversion body that is a JSON list', send: conversion([valid]), status: 400, field: 'goalId' },
  { name: 'form conversion without mref', send: conversionForm({ goalId: GOAL_ID, clickSessionID: CS }), status: 400, field: 'mref' },
  { name: 'form conversion with value "1.5x"', send: conversionForm({ ...valid, value: '1.5x' }), status: 400, field: 'value' },
  { name: 'form conversion with goalId twice', send: conversionForm({ ...valid, goalId: [GOAL_ID, '6'] }), status: 400, field: 'goalId' },
  { name: 'form conversion with traceOnly "perhaps"', send: conversionForm({ ...valid, traceOnly: 'perhaps' }), status: 400, field: 'traceOnly' },
  { name: 'malformed JSON', send: conversionRaw('{"goalId": "5", "mref": ', 'application/json'), status: 400, field: 'body' },
  { name: 'empty JSON body', send: conversionRaw('', 'application/json'), status: 400, field: 'body' },
  { name: 'XML content type', send: conversionRaw('<conversion/>', 'application/xml'), status: 415, field: 'content-type' },
  { name: 'a 70 KB body', send: conversion({ ...valid, mref: 'm'.repeat(70_000) }), status: 413, field: 'body' },
  { name: 'conversion without an ingest key', send: (api) => api.send('/api/v1/conversions', { json: valid }), status: 401, field: 'authorization' },
  { name: 'conversion with a wrong ingest key', send: conversion(valid, { authorization: 'Bearer gpk_not-a-real-key' }), status: 401, field: 'authorization' },
  { name: 'conversion with Basic auth', send: conversion(valid, { authorization: 'Basic dXNlcjpwYXNz' }), status: 401, field: 'authorization' },
  { name: 'snippet click without clickSessionID', send: snippetClick({ clickSource: 'aflite' }), status: 400, field: 'clickSessionID' },
  { name: 'snippet click from another source', send: snippetClick({ ...click, clickSource: 'google' }), status: 400, field: 'clickSource' },
  { name: 'snippet click with spaces in clickSessionID', send: snippetClick({ ...click, clickSessionID: 'a b' }), status: 400, field: 'clickSessionID' },
  {
    name: 'snippet click with a 3000-character landingUrl',
    send: snippetClick({ ...click, landingUrl: `https://shop.example/${'p'.repeat(3000)}` }),
    status: 400,
    field: 'landingUrl',
  },
  {
    name: 'snippet click with a NUL in landingUrl',
    send: snippetClick({ ...click, landingUrl: 'https://shop.example/\u0000' }),
    status: 400,
    field: 'landingUrl',
  },
  { name: 'snippet click from a foreign origin', send: snippetClick(click, { origin: 'https://evil.example' }), status: 403, field: 'origin' },
  { name: 'pixel redirect to a foreign host', send: pixel({ ...click, to: 'https://evil.example/' }), status: 400, field: 'to' },
  { name: 'pixel redirect to javascript:', send: pixel({ ...click, to: 'javascript:alert(1)' }), status: 400, field: 'to' },
  { name: 'pixel redirect to a protocol-relative URL', send: pixel({ ...click, to: '//evil.example/' }), status: 400, field: 'to' },
  { name: 'pixel redirect to a look-alike host', send: pixel({ ...click, to: `https://${REDIRECT_HOST}.evil.example/` }), status: 400, field: 'to' },
  { name: 'pixel redirect with credentials in the URL', send: pixel({ ...click, to: `https://${REDIRECT_HOST}@evil.example/` }), status: 400, field: 'to' },
  { name: 'pixel redirect with backslashes', send: pixel({ ...click, to: 'https:\\\\evil.example\\landing.example' }), status: 400, field: 'to' },
  {
    name: 'pixel redirect to a mixed-case look-alike host',
    send: pixel({ ...click, to: `https://${REDIRECT_HOST.toUpperCase()}.Evil.example/` }),
    status: 400,
    field: 'to',
  },
  { name: 'browser goal for an unknown goal', send: (api) => api.send('/t/goals', { json: { goal: '999', mref: MREF } }), status: 422, field: 'goal' },
  { name: 'browser goal without mref', send: (api) => api.send('/t/goals', { json: { goal: GOAL_ID } }), status: 400, field: 'mref' },
  { name: 'drop-in GET without goalid', send: dropInGet({ ...dropIn, goalid: '' }), status: 400, field: 'goalid' },
  { name: 'drop-in GET without mref', send: dropInGet({ goalid: GOAL_ID, clickSessionID: CS }), status: 400, field: 'mref' },
  { name: 'drop-in GET with value "ten"', send: dropInGet({ ...dropIn, value: 'ten' }), status: 400, field: 'value' },
  { name: 'drop-in GET worth more than can be stored', send: dropInGet({ ...dropIn, value: '50000000.00' }), status: 400, field: 'value' },
  { name: 'drop-in GET with a NUL in goalid', send: dropInGet({ ...dropIn, goalid: `${GOAL_ID}\u0000` }), status: 422, field: 'goalid' },
  { name: 'drop-in GET for an unknown goalid', send: dropInGet({ ...dropIn, goalid: '999' }), status: 422, field: 'goalid' },
  { name: 'drop-in GET with a wrong apikey', send: dropInGet({ ...dropIn, apikey: 'not-an-ingest-key' }, false), status: 401, field: 'apikey' },
  { name: 'drop-in GET without apikey', send: dropInGet(dropIn, false), status: 401, field: 'apikey' },
  { name: 'drop-in POST without goalid', send: dropInPost({ mref: MREF, clickSessionID: CS }), status: 400, field: 'goalid' },
  { name: 'drop-in POST with goalid twice', send: dropInPost({ ...dropIn, goalid: [GOAL_ID, '6'] }), status: 400, field: 'goalid' },
  { name: 'drop-in POST with markup in clickSessionID', send: dropInPost({ ...dropIn, clickSessionID: '"><img>' }), status: 400, field: 'clickSessionID' },
  { name: 'drop-in POST with a negative value', send: dropInPost({ ...dropIn, value: '-3.00' }), status: 400, field: 'value' },
  { name: 'conversion nested 10,000 levels deep', send: conversionRaw(NESTED, 'application/json'), status: 400, field: 'body' },
  { name: 'conversion object nested 5,000 levels deep', send: conversionRaw(NESTED_OBJECT, 'application/json'), status: 400, field: 'body' },
  {
    name: 'snippet click nested 10,000 levels deep',
    send: (api) => api.send('/t/clicks', { body: NESTED, headers: { 'content-type': 'application/json' } }),
    status: 400,
    field: 'body',
  },
  { name: 'conversion sent as text/plain JSON', send: conversionRaw(JSON.stringify(valid), 'text/plain'), status: 415, field: 'content-type' },
  {
    name: 'snippet click sent as text/plain JSON',
    send: (api) => api.send('/t/clicks', { body: JSON.stringify(click), headers: { 'content-type': 'text/plain' } }),
    status: 415,
    field: 'content-type',
  },
];

/** An admin request (signed in, with the CSRF token) and what its 4xx must name. */
interface BadAdminRequest {
  name: string;
  send(admin: AdminClient): Promise<HttpResponse>;
  status: number;
  field: string;
}

const adminJson =
  (path: string, body: unknown, method: 'POST' | 'PATCH' = 'POST') =>
  (admin: AdminClient) =>
    admin.send(path, { method, json: body });
const adminRaw =
  (path: string, body: string, contentType: string, method: 'POST' | 'PATCH' = 'POST') =>
  (admin: AdminClient) =>
    admin.send(path, { method, body, headers: { 'content-type': contentType } });
const adminGet = (path: string) => (admin: AdminClient) => admin.get(path);

const ADMIN_CASES: BadAdminRequest[] = [
  { name: 'settings nested 10,000 levels deep', send: adminRaw('/api/admin/settings', NESTED, 'application/json', 'PATCH'), status: 400, field: 'body' },
  { name: 'goal nested 10,000 levels deep', send: adminRaw('/api/admin/goals', NESTED, 'application/json'), status: 400, field: 'body' },
  { name: 'resend job nested 10,000 levels deep', send: adminRaw('/api/admin/deliveries/resend-jobs', NESTED, 'application/json'), status: 400, field: 'body' },
  { name: 'goal with a NUL in its name', send: adminJson('/api/admin/goals', { afliteGoalId: '77', name: 'Sale\u0000' }), status: 400, field: 'name' },
  {
    name: 'goal with a line break in its name',
    send: adminJson('/api/admin/goals', { afliteGoalId: '78', name: 'Sale\nSign-up' }),
    status: 400,
    field: 'name',
  },
  { name: 'goal renamed with an escape character', send: adminJson('/api/admin/goals/1', { name: 'Sale\u001b[31m' }, 'PATCH'), status: 400, field: 'name' },
  { name: 'ingest key with a NUL in its name', send: adminJson('/api/admin/ingest-keys', { name: 'Checkout\u0000' }), status: 400, field: 'name' },
  { name: 'ingest key with a DEL in its name', send: adminJson('/api/admin/ingest-keys', { name: 'Checkout\u007f' }), status: 400, field: 'name' },
  {
    name: 'settings with a NUL in the API key',
    send: adminJson('/api/admin/settings', { afliteApiKey: 'key\u0000' }, 'PATCH'),
    status: 400,
    field: 'afliteApiKey',
  },
  {
    name: 'settings with a lone surrogate in the API key',
    send: adminJson('/api/admin/settings', { afliteApiKey: 'key\ud800' }, 'PATCH'),
    status: 400,
    field: 'afliteApiKey',
  },
  { name: 'delivery id 0x10', send: adminGet('/api/admin/deliveries/0x10'), status: 400, field: 'id' },
  { name: 'delivery id 1e1', send: adminGet('/api/admin/deliveries/1e1'), status: 400, field: 'id' },
  { name: 'resend job id 0x1', send: adminGet('/api/admin/deliveries/resend-jobs/0x1'), status: 400, field: 'id' },
  { name: 'history limit 0x10', send: adminGet('/api/admin/deliveries?limit=0x10'), status: 400, field: 'limit' },
  { name: 'history limit " 5"', send: adminGet('/api/admin/deliveries?limit=%205'), status: 400, field: 'limit' },
  { name: 'audit cursor 0x10', send: adminGet('/api/admin/audit?cursor=0x10'), status: 400, field: 'cursor' },
  { name: 'history from 2024-02-30', send: adminGet('/api/admin/deliveries?from=2024-02-30'), status: 400, field: 'from' },
  { name: 'history to 2024-02-30T10:00:00Z', send: adminGet('/api/admin/deliveries?to=2024-02-30T10:00:00Z'), status: 400, field: 'to' },
  {
    name: 'history from 2023-02-29T00:00+01:00',
    send: adminGet(`/api/admin/deliveries?from=${encodeURIComponent('2023-02-29T00:00+01:00')}`),
    status: 400,
    field: 'from',
  },
  { name: 'CSV export to 2024-13-01T00:00:00Z', send: adminGet('/api/admin/deliveries/export.csv?to=2024-13-01T00:00:00Z'), status: 400, field: 'to' },
  {
    name: 'recent clicks since 2024-04-31T00:00:00Z',
    send: adminGet('/api/admin/test-tracking/clicks?since=2024-04-31T00:00:00Z'),
    status: 400,
    field: 'since',
  },
  { name: 'resend job with filter []', send: adminJson('/api/admin/deliveries/resend-jobs', { filter: [] }), status: 400, field: 'filter' },
  { name: 'resend job preview with filter [{}]', send: adminJson('/api/admin/deliveries/resend-jobs/preview', { filter: [{}] }), status: 400, field: 'filter' },
  { name: 'resend job with filter "failed"', send: adminJson('/api/admin/deliveries/resend-jobs', { filter: 'failed' }), status: 400, field: 'filter' },
  {
    name: 'goal sent as text/plain JSON',
    send: adminRaw('/api/admin/goals', JSON.stringify({ afliteGoalId: '79', name: 'Sale' }), 'text/plain'),
    status: 415,
    field: 'content-type',
  },
  {
    name: 'sign-in with a lone surrogate in the email',
    send: (admin) => admin.send('/api/admin/session', { json: { email: 'owner\ud800@shop.example', password: 'x' } }),
    status: 400,
    field: 'email',
  },
];

function expectNamed(res: HttpResponse, status: number, field: string): void {
  expect(res.status, res.text).toBe(status);
  const body = res.json<ApiErrorBody>();
  expect(body.statusCode).toBe(status);
  const named = body.fields?.some((f) => f.field === field) || body.message.toLowerCase().includes(field.toLowerCase());
  expect(named, `"${field}" is not named in ${res.text}`).toBe(true);
}

describeEachDialect('bad input gets a 4xx naming the field', (ctx) => {
  it.each(CASES)('$name → $status naming $field', async ({ send, status, field }) => {
    expectNamed(await send(ctx.stack.api), status, field);
  });

  it('says why a nested body or a text/plain body is refused', async () => {
    const nested = await conversionRaw(NESTED, 'application/json')(ctx.stack.api);
    expect(nested.json<ApiErrorBody>().message).toMatch(/^body: nested too deeply/);
    const plain = await conversionRaw(JSON.stringify(valid), 'text/plain')(ctx.stack.api);
    expect(plain.json<ApiErrorBody>().message).toMatch(/^content-type: .*application\/json/);
  });

  it('refuses first-run setup with a lone surrogate in the email, naming email (setup stays open)', async () => {
    const url = ctx.stack.api.url;
    const res = await ctx.stack.api.send('/api/admin/setup', { json: { email: 'owner\ud800@shop.example', password: 'correct horse battery' } });
    expectNamed(res, 400, 'email');
    const session = await ctx.stack.api.get('/api/admin/session');
    expect(session.json<{ setupRequired: boolean }>(), url).toMatchObject({ setupRequired: true });
  });

  let admin: AdminClient | undefined;
  const signedIn = async () => (admin ??= await AdminClient.setUp(ctx.stack.api.url));
  afterAll(() => admin?.close());

  it.each(ADMIN_CASES)('admin: $name → $status naming $field', async ({ send, status, field }) => {
    expectNamed(await send(await signedIn()), status, field);
  });

  it('admin: the goal the bad renames were aimed at is unchanged, and no bad goal or key was created', async () => {
    const client = await signedIn();
    const goals = (await client.ok('/api/admin/goals')).json<{ afliteGoalId: string; name: string }[] | { items: { afliteGoalId: string; name: string }[] }>();
    const list = Array.isArray(goals) ? goals : goals.items;
    expect(list.map((g) => g.afliteGoalId).sort()).toEqual([GOAL_ID]);
    expect(list[0].name).toBe('Sale');
    const keys = (await client.ok('/api/admin/ingest-keys')).text;
    expect(keys).not.toContain('Checkout');
  });

  it('refuses register-goal by any method Aflite does not take, recording nothing', async () => {
    const { api } = ctx.stack;
    const mref = uid('order');
    const query = new URLSearchParams({ apikey: api.ingestKey, ...dropIn, mref });
    for (const method of ['HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await api.send(`/data/register/goal?${query}`, { method });
      expect(res.status, `${method}: ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method}: ${res.text}`).toBeLessThan(500);
    }
    const res = await api.get(`/data/register/goal?${query}`);
    expect(res.text).toBe(`OK accepted mref=${mref}`);
  });

  it('treats a tampered click cookie as unknown: unattributed, not an error', async () => {
    const { api } = ctx.stack;
    const fromServer = await api.postConversion({ goalId: GOAL_ID, mref: uid('order'), clickCookie: 'abc\u0000def' });
    expect(fromServer.status, fromServer.text).toBe(201);
    expect(fromServer.json<ConversionResponse>()).toMatchObject({ status: 'unattributed', attribution: 'none' });
    const fromBrowser = await api.send('/t/goals', { json: { goal: GOAL_ID, mref: uid('order') }, headers: { cookie: `${CLICK_COOKIE}=abc%00def` } });
    expect(fromBrowser.status, fromBrowser.text).toBe(201);
    expect(fromBrowser.json<ConversionResponse>()).toMatchObject({ status: 'unattributed', attribution: 'none' });
  });

  it('recorded none of the bad requests and is still healthy', async () => {
    const { api } = ctx.stack;
    const res = await api.postConversion({ goalId: GOAL_ID, mref: MREF, clickSessionID: CS });
    expect(res.status, res.text).toBe(201);
    expect((await api.health()).status).toBe('ok');
  });
});
