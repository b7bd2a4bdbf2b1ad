import { afterEach, assert, beforeEach, describe, expect, it, vi } from 'vitest';
import { INSTALL_STUB } from '../snippet-tag';
import { installGoalpost } from './install-goalpost';
import type { Goalpost } from './types';

const BASE = 'https://gp.example/relay';
const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function land(path: string, referrer = ''): void {
  history.replaceState(null, '', path);
  Object.defineProperty(document, 'referrer', { value: referrer, configurable: true });
}

function callsTo(path: string) {
  return fetchMock.mock.calls
    .filter(([url]) => url === BASE + path)
    .map(([, init]) => ({ init, body: JSON.parse(String(init.body)) as Record<string, unknown> }));
}

const goalpost = () => window.goalpost as Goalpost;

beforeEach(() => {
  delete window.goalpost;
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => json(201, { ok: true }));
  vi.stubGlobal('fetch', fetchMock);
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  land('/');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('click capture', () => {
  it('posts the click once with the landing URL and referrer', () => {
    land('/p/1?clicksource=AFLITE&CLICKSESSIONID=abc', 'https://affiliate.example/review');
    installGoalpost({ base: BASE, consentRequired: false });

    const clicks = callsTo('/t/clicks');
    expect(clicks).toHaveLength(1);
    expect(clicks[0].body).toEqual({
      clickSource: 'AFLITE',
      clickSessionID: 'abc',
      landingUrl: location.href,
      referrer: 'https://affiliate.example/review',
    });
    expect(clicks[0].init).toMatchObject({
      method: 'POST',
      credentials: 'include',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
    });

    goalpost()('consent', true);
    installGoalpost({ base: BASE, consentRequired: false });
    expect(callsTo('/t/clicks')).toHaveLength(1);
  });

  it('leaves out an empty referrer', () => {
    land('/?clickSource=aflite&clickSessionID=abc');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(callsTo('/t/clicks')[0].body).not.toHaveProperty('referrer');
  });

  it('reads the click from a hash route', () => {
    land('/#/checkout?clickSource=aflite&clickSessionID=h1');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(callsTo('/t/clicks')[0].body.clickSessionID).toBe('h1');
  });

  it('sends nothing for other click sources or plain visits', () => {
    land('/?clickSource=other&clickSessionID=abc');
    installGoalpost({ base: BASE, consentRequired: false });
    delete window.goalpost;
    land('/about');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('swallows a failed click post', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    land('/?clickSource=aflite&clickSessionID=abc');
    expect(() => installGoalpost({ base: BASE, consentRequired: false })).not.toThrow();
    await vi.waitFor(() => expect(console.debug).toHaveBeenCalled());
  });
});

describe('consent mode', () => {
  it('holds the click until consent is given, then sends it once as it landed', () => {
    land('/p/1?clickSource=aflite&clickSessionID=abc');
    const landingUrl = location.href;
    installGoalpost({ base: BASE, consentRequired: true });
    expect(fetchMock).not.toHaveBeenCalled();

    goalpost()('consent', false);
    history.replaceState(null, '', '/checkout');
    expect(fetchMock).not.toHaveBeenCalled();

    goalpost()('consent', true);
    goalpost()('consent', true);
    const clicks = callsTo('/t/clicks');
    expect(clicks).toHaveLength(1);
    expect(clicks[0].body.landingUrl).toBe(landingUrl);
  });

  it('honours a queued refusal even when consent is not required', () => {
    land('/?clickSource=aflite&clickSessionID=abc');
    new Function(INSTALL_STUB)();
    assert(window.goalpost, 'INSTALL_STUB defines window.goalpost');
    window.goalpost('consent', false);
    installGoalpost({ base: BASE, consentRequired: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('still sends goals before consent', async () => {
    installGoalpost({ base: BASE, consentRequired: true });
    await goalpost()('goal', { goal: 'sale', mref: 'ORD-1' });
    expect(callsTo('/t/goals')).toHaveLength(1);
  });
});

describe('command queue', () => {
  it('replays queued commands and replaces the stub', async () => {
    land('/?clickSource=aflite&clickSessionID=abc');
    new Function(INSTALL_STUB)();
    assert(window.goalpost, 'INSTALL_STUB defines window.goalpost');
    window.goalpost('consent', true);
    window.goalpost('goal', { goal: 'signup', mref: 'U-9' });
    const stub = window.goalpost;

    installGoalpost({ base: BASE, consentRequired: true });

    expect(window.goalpost).not.toBe(stub);
    expect(goalpost().loaded).toBe(true);
    expect(callsTo('/t/clicks')).toHaveLength(1);
    expect(callsTo('/t/goals').map((c) => c.body)).toEqual([{ goal: 'signup', mref: 'U-9' }]);
  });

  it('warns once per unknown command and never throws', () => {
    installGoalpost({ base: BASE, consentRequired: false });
    expect(goalpost()('pageview')).toBeUndefined();
    goalpost()('pageview');
    goalpost()('identify', {});
    expect(console.warn).toHaveBeenCalledTimes(2);
  });
});

describe('goal command', () => {
  it('posts the goal with credentials and resolves to the response', async () => {
    fetchMock.mockResolvedValueOnce(json(201, { id: 'cv_1', status: 'pending' }));
    installGoalpost({ base: BASE, consentRequired: false });

    const result = await goalpost()('goal', { goal: '12', mref: 'ORD-7', value: '10.99', traceOnly: true });

    expect(result).toEqual({ id: 'cv_1', status: 'pending' });
    const [goal] = callsTo('/t/goals');
    expect(goal.body).toEqual({ goal: '12', mref: 'ORD-7', value: '10.99', traceOnly: true });
    expect(goal.init).toMatchObject({ method: 'POST', credentials: 'include' });
  });

  it('passes a numeric value through', async () => {
    installGoalpost({ base: BASE, consentRequired: false });
    await goalpost()('goal', { goal: 'sale', mref: 'ORD-8', value: 25 });
    expect(callsTo('/t/goals')[0].body).toEqual({ goal: 'sale', mref: 'ORD-8', value: 25 });
  });

  it("rejects with the server's message", async () => {
    fetchMock.mockResolvedValueOnce(json(409, { statusCode: 409, message: 'mref ORD-7 was already recorded' }));
    installGoalpost({ base: BASE, consentRequired: false });
    await expect(goalpost()('goal', { goal: 'sale', mref: 'ORD-7' })).rejects.toThrow('mref ORD-7 was already recorded');
  });

  it('rejects with the status when the body is not JSON', async () => {
    fetchMock.mockResolvedValueOnce(new Response('', { status: 502 }));
    installGoalpost({ base: BASE, consentRequired: false });
    await expect(goalpost()('goal', { goal: 'sale', mref: 'ORD-7' })).rejects.toThrow('HTTP 502');
  });

  it('rejects without sending when goal or mref is missing', async () => {
    installGoalpost({ base: BASE, consentRequired: false });
    await expect(goalpost()('goal', { goal: 'sale' })).rejects.toThrow('goal and mref are required');
    await expect(goalpost()('goal')).rejects.toThrow();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('does not raise an unhandled rejection when the promise is ignored', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    installGoalpost({ base: BASE, consentRequired: false });
    goalpost()('goal', { goal: 'sale', mref: 'ORD-9' });
    await vi.waitFor(() => expect(console.debug).toHaveBeenCalled());
  });
});
