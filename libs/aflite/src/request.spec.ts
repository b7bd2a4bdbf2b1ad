import { describe, expect, it } from 'vitest';
import { AFLITE_DEFAULT_BASE_URL, AfliteParam } from './constants';
import { buildGoalsFeedRequest, buildHelpRequest, buildRegisterGoalRequest, joinUrl, type RegisterGoalInput } from './request';

const input: RegisterGoalInput = {
  apiKey: 'key-123456789',
  merchantId: '42',
  clickSessionId: 'abc',
  goalId: '5',
  merchantRef: 'ORDER-1',
  valueMinor: 1099,
};

const ACCEPT = 'text/plain, application/xml;q=0.9, */*;q=0.5';

describe('joinUrl', () => {
  it.each([
    ['http://aflite.co.uk', 'http://aflite.co.uk/data/goals'],
    ['http://aflite.co.uk/', 'http://aflite.co.uk/data/goals'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010/data/goals'],
    ['https://x/aflite', 'https://x/aflite/data/goals'],
    ['https://x/aflite//', 'https://x/aflite/data/goals'],
    ['  https://x/aflite/  ', 'https://x/aflite/data/goals'],
    ['https://x/aflite/?stale=1#frag', 'https://x/aflite/data/goals'],
  ])('%s', (base, expected) => {
    expect(joinUrl(base, '/data/goals')).toBe(expected);
  });

  it.each(['', 'aflite.co.uk', 'ftp://aflite.co.uk', 'javascript:alert(1)'])('rejects %j', (base) => {
    expect(() => joinUrl(base, '/data/goals')).toThrow(TypeError);
  });
});

describe('buildRegisterGoalRequest', () => {
  it('GET puts every parameter in the query string, in protocol order', () => {
    const req = buildRegisterGoalRequest(AFLITE_DEFAULT_BASE_URL, input, 'GET');
    expect(req).toEqual({
      method: 'GET',
      url: 'http://aflite.co.uk/data/register/goal?apikey=key-123456789&mid=42&clickSessionID=abc&goalid=5&mref=ORDER-1&value=10.99',
      headers: { accept: ACCEPT, 'user-agent': 'Goalpost/0.1' },
      params: { apikey: 'key-123456789', mid: '42', clickSessionID: 'abc', goalid: '5', mref: 'ORDER-1', value: '10.99' },
    });
    expect(Object.keys(req.params)).toEqual(['apikey', 'mid', 'clickSessionID', 'goalid', 'mref', 'value']);
  });

  it('POST sends a form-encoded body and a bare URL', () => {
    const req = buildRegisterGoalRequest('http://127.0.0.1:4010/', input, 'POST');
    expect(req.url).toBe('http://127.0.0.1:4010/data/register/goal');
    expect(req.headers).toEqual({
      accept: ACCEPT,
      'user-agent': 'Goalpost/0.1',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(req.body).toBe('apikey=key-123456789&mid=42&clickSessionID=abc&goalid=5&mref=ORDER-1&value=10.99');
  });

  it('adds traceOnly and help last, only when set', () => {
    const both = buildRegisterGoalRequest('https://x/aflite', { ...input, traceOnly: true, help: true }, 'GET');
    expect(Object.keys(both.params)).toEqual(['apikey', 'mid', 'clickSessionID', 'goalid', 'mref', 'value', 'traceOnly', 'help']);
    expect(both.url).toMatch(/^https:\/\/x\/aflite\/data\/register\/goal\?.*&value=10\.99&traceOnly=1&help=1$/);

    const neither = buildRegisterGoalRequest('https://x', { ...input, traceOnly: false, help: false }, 'POST');
    expect(neither.params).not.toHaveProperty(AfliteParam.traceOnly);
    expect(neither.params).not.toHaveProperty(AfliteParam.help);
    expect(neither.body).not.toContain('traceOnly');
  });

  it('encodes special characters so they round-trip', () => {
    const odd = { ...input, merchantRef: 'A&B=C #1+2/é', clickSessionId: 'x y?z', apiKey: 'k%ey&' };
    for (const method of ['GET', 'POST'] as const) {
      const req = buildRegisterGoalRequest('http://h', odd, method);
      // A POST without a body decodes to no parameters, which the toEqual below catches.
      const encoded = method === 'GET' ? new URL(req.url).search.slice(1) : (req.body ?? '');
      expect(encoded).not.toContain('A&B');
      const decoded = Object.fromEntries(new URLSearchParams(encoded));
      expect(decoded).toEqual(req.params);
      expect(decoded.mref).toBe('A&B=C #1+2/é');
      expect(decoded.apikey).toBe('k%ey&');
    }
  });

  it('formats the value from minor units', () => {
    expect(buildRegisterGoalRequest('http://h', { ...input, valueMinor: 5 }, 'GET').params.value).toBe('0.05');
    expect(() => buildRegisterGoalRequest('http://h', { ...input, valueMinor: 1.5 }, 'GET')).toThrow(RangeError);
  });

  it('rejects an unknown method', () => {
    expect(() => buildRegisterGoalRequest('http://h', input, 'PUT' as never)).toThrow(TypeError);
  });
});

describe('buildGoalsFeedRequest', () => {
  it('defaults to GET with apikey and mref', () => {
    const req = buildGoalsFeedRequest('http://aflite.co.uk/', { apiKey: 'k', merchantRef: 'ORDER 1' });
    expect(req.method).toBe('GET');
    expect(req.url).toBe('http://aflite.co.uk/data/goals?apikey=k&mref=ORDER+1');
    expect(req.params).toEqual({ apikey: 'k', mref: 'ORDER 1' });
    expect(req.body).toBeUndefined();
  });

  it('can POST', () => {
    const req = buildGoalsFeedRequest('https://x/aflite', { apiKey: 'k', merchantRef: 'O-1' }, 'POST');
    expect(req.url).toBe('https://x/aflite/data/goals');
    expect(req.body).toBe('apikey=k&mref=O-1');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});

describe('buildHelpRequest', () => {
  it('asks register/goal for help', () => {
    const req = buildHelpRequest('http://h', { apiKey: 'k', merchantId: '42' });
    expect(req.url).toBe('http://h/data/register/goal?apikey=k&mid=42&help=1');
    expect(req.params).toEqual({ apikey: 'k', mid: '42', help: '1' });
  });

  it('can POST', () => {
    const req = buildHelpRequest('http://h', { apiKey: 'k', merchantId: '42' }, 'POST');
    expect(req.body).toBe('apikey=k&mid=42&help=1');
  });
});
