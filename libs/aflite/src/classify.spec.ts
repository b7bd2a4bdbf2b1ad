import { describe, expect, it } from 'vitest';
import { classifyRegisterGoal, type AfliteResponse, type Classification } from './classify';

const now = new Date('2026-11-24T10:00:00Z');
const text = { 'content-type': 'text/plain' };

function respond(status: number, body = '', headers: Record<string, string> = text): { response: AfliteResponse } {
  return { response: { status, headers, body } };
}

describe('classifyRegisterGoal: answers', () => {
  it.each<[string, { response: AfliteResponse }, Classification]>([
    ['sandbox success', respond(200, 'OK goal registered mref=ORDER-1'), { outcome: 'delivered', reason: 'HTTP 200: OK goal registered mref=ORDER-1' }],
    [
      'trace-only success',
      respond(200, 'OK trace recorded (not registered) mref=ORDER-1'),
      { outcome: 'delivered', reason: 'HTTP 200: OK trace recorded (not registered) mref=ORDER-1' },
    ],
    ['empty 2xx', respond(204), { outcome: 'delivered', reason: 'HTTP 204 (empty body)' }],
    [
      'XML ok status',
      respond(200, '<response><status>ok</status></response>'),
      { outcome: 'delivered', reason: 'HTTP 200: <response><status>ok</status></response>' },
    ],
    [
      'JSON success',
      respond(200, '{"success":true,"error":null,"errors":[]}'),
      { outcome: 'delivered', reason: 'HTTP 200: {"success":true,"error":null,"errors":[]}' },
    ],
    [
      'duplicate mref',
      respond(200, 'ERROR: duplicate mref ORDER-1 - goal recorded in error'),
      { outcome: 'failed', duplicate: true, reason: 'rejected in body: HTTP 200: ERROR: duplicate mref ORDER-1 - goal recorded in error' },
    ],
    ['error prefix', respond(200, '  error: something'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: error: something' }],
    ['fail prefix', respond(200, 'FAILED'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: FAILED' }],
    ['invalid word', respond(200, 'Goal invalid'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: Goal invalid' }],
    [
      'already recorded',
      respond(200, 'Goal already recorded'),
      { outcome: 'failed', duplicate: true, reason: 'rejected in body: HTTP 200: Goal already recorded' },
    ],
    ['not recorded', respond(200, 'Goal not recorded'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: Goal not recorded' }],
    ['rejected', respond(200, 'Your goal was REJECTED'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: Your goal was REJECTED' }],
    [
      'XML error status',
      respond(200, '<Response><Status>Error</Status><Message>bad mid</Message></Response>'),
      { outcome: 'failed', reason: 'rejected in body: HTTP 200: <Response><Status>Error</Status><Message>bad mid</Message></Response>' },
    ],
    ['XML error attribute', respond(200, '<result status="failed"/>'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: <result status="failed"/>' }],
    ['XML error root', respond(200, '<error/>'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: <error/>' }],
    [
      'JSON error status',
      respond(200, '{"status":"error","message":"nope"}'),
      { outcome: 'failed', reason: 'rejected in body: HTTP 200: {"status":"error","message":"nope"}' },
    ],
    ['JSON success false', respond(200, '{"success":false}'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: {"success":false}' }],
    ['JSON nested error', respond(200, '{"data":{"error":"nope"}}'), { outcome: 'failed', reason: 'rejected in body: HTTP 200: {"data":{"error":"nope"}}' }],
    [
      'JSON mref exists',
      respond(200, '{"result":"duplicate","detail":"mref exists"}'),
      { outcome: 'failed', duplicate: true, reason: 'rejected in body: HTTP 200: {"result":"duplicate","detail":"mref exists"}' },
    ],
    [
      'permanent redirect',
      respond(301, '', { Location: 'https://aflite.co.uk/data/register/goal?apikey=secretkey99&mid=1' }),
      { outcome: 'failed', reason: 'unexpected redirect (HTTP 301) to https://aflite.co.uk/data/register/goal?apikey=••••ey99&mid=1' },
    ],
    ['redirect without location', respond(302), { outcome: 'failed', reason: 'unexpected redirect (HTTP 302) without a location' }],
    ['missing parameter', respond(400, 'ERROR: missing parameter goalid'), { outcome: 'failed', reason: 'HTTP 400: ERROR: missing parameter goalid' }],
    ['invalid value', respond(400, 'ERROR: invalid value'), { outcome: 'failed', reason: 'HTTP 400: ERROR: invalid value' }],
    ['wrong apikey', respond(403, 'ERROR: invalid apikey'), { outcome: 'failed', reason: 'HTTP 403: ERROR: invalid apikey' }],
    ['not found', respond(404), { outcome: 'failed', reason: 'HTTP 404 (empty body)' }],
    ['conflict', respond(409, 'Conflict'), { outcome: 'failed', duplicate: true, reason: 'HTTP 409: Conflict' }],
    ['duplicate 4xx', respond(422, 'duplicate mref'), { outcome: 'failed', duplicate: true, reason: 'HTTP 422: duplicate mref' }],
    ['request timeout', respond(408), { outcome: 'retry', reason: 'HTTP 408 (empty body)' }],
    ['too early', respond(425), { outcome: 'retry', reason: 'HTTP 425 (empty body)' }],
    ['rate limited', respond(429, 'slow down', { 'Retry-After': '30' }), { outcome: 'retry', reason: 'HTTP 429: slow down', retryAfterMs: 30_000 }],
    [
      'unavailable with date',
      respond(503, 'maintenance', { 'retry-after': 'Tue, 24 Nov 2026 10:02:00 GMT' }),
      { outcome: 'retry', reason: 'HTTP 503: maintenance', retryAfterMs: 120_000 },
    ],
    ['unavailable, bad Retry-After', respond(503, '', { 'retry-after': 'later' }), { outcome: 'retry', reason: 'HTTP 503 (empty body)' }],
    ['internal error', respond(500, 'Internal Server Error'), { outcome: 'ambiguous', reason: 'HTTP 500: Internal Server Error' }],
    ['bad gateway', respond(502, '<html>Bad Gateway</html>'), { outcome: 'ambiguous', reason: 'HTTP 502: <html>Bad Gateway</html>' }],
    ['gateway timeout', respond(504, '', { 'retry-after': '10' }), { outcome: 'ambiguous', reason: 'HTTP 504 (empty body)', retryAfterMs: 10_000 }],
    ['informational', respond(101), { outcome: 'ambiguous', reason: 'unexpected HTTP 101 (empty body)' }],
    ['out of range', respond(700, 'x'), { outcome: 'ambiguous', reason: 'unexpected HTTP 700: x' }],
  ])('%s', (_name, result, expected) => {
    expect(classifyRegisterGoal(result, now)).toEqual(expected);
  });
});

describe('classifyRegisterGoal: details', () => {
  it('ignores verdict words inside the merchant reference', () => {
    const body = 'OK goal registered mref=ALREADY-INVALID-7';
    expect(classifyRegisterGoal(respond(200, body)).outcome).toBe('delivered');
    const xml = '<response><status>ok</status><ref>DUPLICATE-ORDER</ref></response>';
    expect(classifyRegisterGoal({ ...respond(200, xml), merchantRef: 'DUPLICATE-ORDER' }).outcome).toBe('delivered');
    expect(classifyRegisterGoal(respond(200, xml)).outcome).toBe('failed');
  });

  it('does not read a 2xx body as a rejection for words that merely contain a keyword', () => {
    expect(classifyRegisterGoal(respond(200, 'OK invalidated cache; errors: none')).outcome).toBe('delivered');
  });

  it('treats unparseable structured bodies as text', () => {
    expect(classifyRegisterGoal(respond(200, '{"status": "ok"')).outcome).toBe('delivered');
    expect(classifyRegisterGoal(respond(200, '<ok><unclosed>')).outcome).toBe('delivered');
  });

  it('caps the body excerpt at 200 characters on one line', () => {
    const { reason } = classifyRegisterGoal(respond(400, `ERROR:\n${'x'.repeat(500)}`));
    expect(reason.startsWith('HTTP 400: ERROR: xxx')).toBe(true);
    expect(reason.length).toBe('HTTP 400: '.length + 200);
    expect(reason.endsWith('…')).toBe(true);
  });

  it('uses the current time for a Retry-After date by default', () => {
    const inFive = new Date(Date.now() + 5_000).toUTCString();
    const { retryAfterMs } = classifyRegisterGoal(respond(429, '', { 'retry-after': inFive }));
    expect(retryAfterMs).toBeGreaterThan(3_000);
    expect(retryAfterMs).toBeLessThanOrEqual(5_000);
  });
});

describe('classifyRegisterGoal: network failures', () => {
  it.each<[string, { code: string; message?: string; requestSent: boolean }, Classification]>([
    [
      'connection refused',
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:4010', requestSent: false },
      { outcome: 'retry', reason: 'request not sent: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:4010)' },
    ],
    ['dns', { code: 'ENOTFOUND', requestSent: false }, { outcome: 'retry', reason: 'request not sent: ENOTFOUND' }],
    [
      'headers timeout',
      { code: 'UND_ERR_HEADERS_TIMEOUT', requestSent: true },
      { outcome: 'ambiguous', reason: 'no answer after the request was sent: UND_ERR_HEADERS_TIMEOUT' },
    ],
    [
      'socket closed',
      { code: 'UND_ERR_SOCKET', message: 'other side closed', requestSent: true },
      { outcome: 'ambiguous', reason: 'no answer after the request was sent: UND_ERR_SOCKET (other side closed)' },
    ],
  ])('%s', (_name, error, expected) => {
    expect(classifyRegisterGoal({ error }, now)).toEqual(expected);
  });
});
