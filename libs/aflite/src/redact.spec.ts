import { describe, expect, it } from 'vitest';
import { maskSecret, redactRequest, redactUrl, scrubSecret } from './redact';
import { buildGoalsFeedRequest, buildRegisterGoalRequest } from './request';

const KEY = 'sk_live_ABCDEFGH1234';
const input = {
  apiKey: KEY,
  merchantId: '42',
  clickSessionId: 'abc',
  goalId: '5',
  merchantRef: 'ORDER-1',
  valueMinor: 1099,
};

describe('maskSecret', () => {
  it.each([
    [KEY, '••••1234'],
    ['12345678', '••••5678'],
    ['1234567', '••••'],
    ['', '••••'],
  ])('%j -> %s', (key, masked) => {
    expect(maskSecret(key)).toBe(masked);
  });
});

describe('redactRequest', () => {
  it('masks the key in the GET query string and params', () => {
    const redacted = redactRequest(buildRegisterGoalRequest('http://h/', input, 'GET'));
    expect(redacted).toEqual({
      method: 'GET',
      url: 'http://h/data/register/goal?apikey=••••1234&mid=42&clickSessionID=abc&goalid=5&mref=ORDER-1&value=10.99',
      params: { apikey: '••••1234', mid: '42', clickSessionID: 'abc', goalid: '5', mref: 'ORDER-1', value: '10.99' },
    });
    expect(JSON.stringify(redacted)).not.toContain(KEY);
  });

  it('masks the key in POST params and leaves no body', () => {
    const redacted = redactRequest(buildGoalsFeedRequest('http://h', { apiKey: KEY, merchantRef: 'O-1' }, 'POST'));
    expect(redacted).toEqual({ method: 'POST', url: 'http://h/data/goals', params: { apikey: '••••1234', mref: 'O-1' } });
    expect(redacted).not.toHaveProperty('body');
  });

  it('fully masks a short key', () => {
    const redacted = redactRequest(buildGoalsFeedRequest('http://h', { apiKey: 'abc', merchantRef: 'O-1' }));
    expect(redacted.url).toBe('http://h/data/goals?apikey=••••&mref=O-1');
    expect(redacted.params.apikey).toBe('••••');
  });

  it('masks a key that needs encoding', () => {
    const key = 'a+b/c=d&e f%';
    const redacted = redactRequest(buildGoalsFeedRequest('http://h', { apiKey: key, merchantRef: 'O-1' }));
    expect(redacted.url).toBe('http://h/data/goals?apikey=••••e f%&mref=O-1');
    expect(redacted.url).not.toContain(encodeURIComponent(key));
    expect(redacted.url).not.toContain(new URLSearchParams({ k: key }).toString().slice(2));
  });

  it('scrubs a copy of the key pasted into another parameter', () => {
    const req = buildRegisterGoalRequest('http://h', { ...input, merchantRef: `ref-${KEY}` }, 'GET');
    const redacted = redactRequest(req);
    expect(JSON.stringify(redacted)).not.toContain(KEY);
    expect(redacted.params.mref).toBe('ref-••••1234');
  });

  it('does not mangle other values with a very short key', () => {
    const req = buildRegisterGoalRequest('http://h', { ...input, apiKey: '10' }, 'GET');
    expect(redactRequest(req).params.value).toBe('10.99');
  });

  it('does not alter the request it was given', () => {
    const req = buildRegisterGoalRequest('http://h', input, 'GET');
    redactRequest(req);
    expect(req.params.apikey).toBe(KEY);
    expect(req.url).toContain(KEY);
  });
});

describe('redactUrl', () => {
  it('masks an apikey parameter without knowing the key', () => {
    expect(redactUrl(`https://aflite.co.uk/data/register/goal?mid=1&apikey=${KEY}`)).toBe('https://aflite.co.uk/data/register/goal?mid=1&apikey=••••1234');
  });

  it('leaves URLs without a query alone', () => {
    expect(redactUrl('https://aflite.co.uk/x')).toBe('https://aflite.co.uk/x');
    expect(redactUrl('/relative?a=1')).toBe('/relative?a=1');
  });

  it('tolerates malformed percent-encoding', () => {
    expect(redactUrl('http://h/?apikey=%E0%A4%A&x=%')).toBe('http://h/?apikey=••••A4%A&x=%');
  });
});

describe('scrubSecret', () => {
  it('replaces plain and encoded copies', () => {
    const key = 'secret key/1';
    const text = `a ${key} b ${encodeURIComponent(key)} c secret+key%2F1`;
    expect(scrubSecret(text, key)).toBe('a ••••ey/1 b ••••ey/1 c ••••ey/1');
  });
});
