import { describe, expect, it } from 'vitest';
import { classifyRegisterGoal } from './classify';
import { describeNetworkError } from './network-error';
import { KEPT_RESPONSE_HEADERS, MAX_BODY_LENGTH, MAX_HEADER_LENGTH, redactAnswer, type RawAfliteResponse } from './redact-answer';
import { buildRegisterGoalRequest, encodeParams } from './request';

// Characters that every encoding writes differently: the test fails if any one form slips through.
const KEY = 'sk/live+Key=9&"<x>';
/** What must never be seen: the key less the four characters its mask shows, in every form. */
const REVEALING = KEY.slice(0, -4);
const req = buildRegisterGoalRequest(
  'https://aflite.co.uk',
  { apiKey: KEY, merchantId: '42', clickSessionId: 'cs', goalId: '5', merchantRef: 'ORDER-1', valueMinor: 1099 },
  'GET',
);
const query = req.url.slice(req.url.indexOf('?') + 1);

const forms = (text: string): Record<string, string> => ({
  plain: text,
  uriComponent: encodeURIComponent(text),
  lowerHex: encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
  form: encodeParams({ k: text }).slice(2),
  twice: encodeURIComponent(encodeURIComponent(text)),
  json: JSON.stringify(text).slice(1, -1).replace(/\//g, '\\/'),
  jsonUnicode: [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  html: text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  numericEntities: [...text].map((c) => `&#${c.charCodeAt(0)};`).join(''),
  hexEntities: [...text].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join(''),
});

function expectNoKey(text: string): void {
  for (const [name, form] of Object.entries(forms(REVEALING))) expect(text, `${name} form of the key`).not.toContain(form);
}

const response = (over: Partial<RawAfliteResponse>): RawAfliteResponse => ({ status: 200, headers: {}, body: '', ...over });
const redacted = (over: Partial<RawAfliteResponse>) => {
  const answer = redactAnswer({ response: response(over) }, req);
  if (!('response' in answer)) throw new Error('expected a response');
  return answer.response;
};

describe('redactAnswer', () => {
  it.each(Object.entries(forms(KEY)))('scrubs the %s form of the key from the body', (_name, form) => {
    const body = redacted({ body: `ERROR: bad key ${form} (see docs)` }).body;
    expectNoKey(body);
    expect(body).toBe(`ERROR: bad key ••••${KEY.slice(-4)} (see docs)`);
  });

  it('masks the query string it was sent, and any other apikey= in the body', () => {
    const body = redacted({ body: `You sent: ${req.url}\nold: apikey=another-key-123&mid=42 {"apikey": "json-key-456"}` }).body;
    expectNoKey(body);
    expect(body).toContain('apikey=••••&mid=42');
    expect(body).not.toContain('another-key-123');
    expect(body).not.toContain('json-key-456');
    expect(body).toContain(`mref=ORDER-1`);
    expect(body).toContain(`apikey=••••${KEY.slice(-4)}&mid=42&clickSessionID=cs`);
  });

  it('keeps only the allow-listed headers, redacted and capped', () => {
    const headers = redacted({
      headers: {
        'Content-Type': 'text/plain',
        server: `aflite/${KEY}`,
        'set-cookie': [`session=${KEY}`],
        location: `https://aflite.co.uk/login?${query}`,
        'x-request-id': `req-${encodeURIComponent(KEY)}`,
        'retry-after': '30',
        'x-debug': KEY,
        date: 'Tue, 01 Oct 2024 10:00:00 GMT',
        'content-length': 'x'.repeat(MAX_HEADER_LENGTH + 50),
      },
    }).headers;
    expect(Object.keys(headers).sort()).toEqual([...KEPT_RESPONSE_HEADERS].sort());
    expect(headers['content-type']).toBe('text/plain');
    expect(headers['retry-after']).toBe('30');
    expect(headers['x-request-id']).toBe(`req-••••${KEY.slice(-4)}`);
    expect(headers.location).toMatch(/^https:\/\/aflite\.co\.uk\/login\?apikey=••••[^&]*&mid=42/);
    expect(headers['content-length']).toHaveLength(MAX_HEADER_LENGTH);
    expectNoKey(JSON.stringify(headers));
  });

  it('cuts a long body after scrubbing, leaving no half of a copy at the cut', () => {
    const pad = 'x'.repeat(MAX_BODY_LENGTH - REVEALING.length + 2);
    const body = redacted({ body: `${pad}${KEY} and more` }).body;
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(body.endsWith('x••••')).toBe(true);
    expect(body).not.toContain(KEY.slice(0, 3));
  });

  it('removes half a copy at the end of a body that was cut while reading', () => {
    expect(redacted({ body: `ok ${KEY.slice(0, 7)}`, truncated: true }).body).toBe('ok ••••');
    expect(redacted({ body: `ok ${KEY.slice(0, 7)}`, truncated: false }).body).toBe(`ok ${KEY.slice(0, 7)}`);
    expect(redacted({ body: `ok ${encodeURIComponent(KEY).slice(0, 9)}`, truncated: true }).body).toBe('ok ••••');
  });

  it('scrubs the error message of a failed call (undici messages may carry the URL)', () => {
    const cause = Object.assign(new Error(`connect ECONNREFUSED for ${req.url}`), { code: 'ECONNREFUSED' });
    const answer = redactAnswer({ error: describeNetworkError(new TypeError('fetch failed', { cause }), false) }, req);
    expect(answer).toMatchObject({ error: { code: 'ECONNREFUSED', requestSent: false } });
    expectNoKey(JSON.stringify(answer));
    expect(classifyRegisterGoal(answer).reason).toContain('apikey=••••');
  });

  it('leaves the classification of an answer as it was', () => {
    const raw = response({ status: 200, body: `ERROR: duplicate mref ORDER-1 for key ${KEY}` });
    const verdict = classifyRegisterGoal({ ...redactAnswer({ response: raw }, req), merchantRef: 'ORDER-1' });
    expect(verdict).toMatchObject({ outcome: 'failed', duplicate: true });
    expectNoKey(verdict.reason);
    const redirect = classifyRegisterGoal(redactAnswer({ response: response({ status: 302, headers: { location: `/x?${query}` } }) }, req));
    expect(redirect.reason).toMatch(/^unexpected redirect \(HTTP 302\) to \/x\?apikey=••••/);
    expectNoKey(redirect.reason);
  });

  it('does not mangle answers of a very short key, but still masks apikey=', () => {
    const short = buildRegisterGoalRequest(
      'http://h',
      { apiKey: '10', merchantId: '1', clickSessionId: 'c', goalId: '5', merchantRef: 'R', valueMinor: 1099 },
      'GET',
    );
    const answer = redactAnswer({ response: response({ body: 'OK value=10.99 apikey=10' }) }, short);
    expect(answer).toMatchObject({ response: { body: 'OK value=10.99 apikey=••••' } });
  });
});
