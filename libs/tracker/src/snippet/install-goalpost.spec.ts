import { assert, describe, expect, it, vi } from 'vitest';
import { INSTALL_STUB } from '../snippet-tag';
import { installGoalpost } from './install-goalpost';
import { PENDING_KEY } from './pending-clicks';
import { BASE, callsTo, fetchMock, goalpost, json, land, loadedFrom, nextPage, sentIds, useFakePage } from './testing/fake-page';

useFakePage();

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

describe('single-page apps', () => {
  it('captures a click the app pushes into the address after load, once', () => {
    installGoalpost({ base: BASE, consentRequired: false });
    expect(fetchMock).not.toHaveBeenCalled();

    history.pushState({}, '', '/p/2?clickSource=aflite&clickSessionID=spa1');
    const landingUrl = location.href;
    history.pushState({}, '', '/cart');
    history.pushState({}, '', '/p/2?clickSource=aflite&clickSessionID=spa1&tab=reviews');
    history.back();
    dispatchEvent(new PopStateEvent('popstate'));

    const clicks = callsTo('/t/clicks');
    expect(clicks.map((c) => c.body)).toEqual([{ clickSource: 'aflite', clickSessionID: 'spa1', landingUrl }]);
  });

  it('captures a click arriving by replaceState, back/forward or a hash change', () => {
    installGoalpost({ base: BASE, consentRequired: false });
    history.replaceState(null, '', '/?clickSource=aflite&clickSessionID=r1');
    // The page's own navigation, not through the wrapped methods: only the browser's events tell.
    History.prototype.replaceState.call(history, null, '', '/?clickSource=aflite&clickSessionID=p1');
    dispatchEvent(new PopStateEvent('popstate'));
    History.prototype.replaceState.call(history, null, '', '/#/p?clickSource=aflite&clickSessionID=h1');
    dispatchEvent(new HashChangeEvent('hashchange'));
    expect(sentIds()).toEqual(['r1', 'p1', 'h1']);
  });

  it('reads the address the page loaded from when a script replaced the parameters before the snippet ran', () => {
    loadedFrom('https://shop.example/p/3?clickSource=aflite&clickSessionID=nav1');
    land('/p/3', 'https://affiliate.example/');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(callsTo('/t/clicks').map((c) => c.body)).toEqual([
      {
        clickSource: 'aflite',
        clickSessionID: 'nav1',
        landingUrl: 'https://shop.example/p/3?clickSource=aflite&clickSessionID=nav1',
        referrer: 'https://affiliate.example/',
      },
    ]);
  });

  it('sends a click on both the loaded and the current address once, and two different clicks once each', () => {
    land('/p?clickSource=aflite&clickSessionID=same');
    loadedFrom(location.href);
    installGoalpost({ base: BASE, consentRequired: false });
    expect(sentIds()).toEqual(['same']);

    nextPage('/p?clickSource=aflite&clickSessionID=now');
    loadedFrom('https://shop.example/p?clickSource=aflite&clickSessionID=loaded');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(sentIds()).toEqual(['same', 'loaded', 'now']);
  });

  it('reads escaped and encoded landing URLs', () => {
    land('/?clickSource=aflite&amp;clickSessionID=amp1');
    installGoalpost({ base: BASE, consentRequired: false });
    nextPage('/?clickSource%3Daflite%26clickSessionID%3Denc1');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(callsTo('/t/clicks').map((c) => [c.body.clickSessionID, c.body.landingUrl])).toEqual([
      ['amp1', 'http://localhost:3000/?clickSource=aflite&amp;clickSessionID=amp1'],
      ['enc1', 'http://localhost:3000/?clickSource%3Daflite%26clickSessionID%3Denc1'],
    ]);
  });

  it('listens through the installed copy only, and wraps history once', () => {
    installGoalpost({ base: BASE, consentRequired: false });
    const pushState = history.pushState;
    delete window.goalpost;
    installGoalpost({ base: BASE, consentRequired: false });
    expect(history.pushState).toBe(pushState);

    history.pushState(null, '', '/?clickSource=aflite&clickSessionID=one');
    expect(sentIds()).toEqual(['one']);
  });

  it("cuts a landing URL and referrer to the api's 2048 characters", () => {
    const long = 'x'.repeat(3000);
    land('/?clickSource=aflite&clickSessionID=long&pad=' + long, 'https://affiliate.example/?q=' + long);
    installGoalpost({ base: BASE, consentRequired: false });
    const [click] = callsTo('/t/clicks');
    expect([String(click.body.landingUrl).length, String(click.body.referrer).length]).toEqual([2048, 2048]);
  });
});

describe('consent on a later page', () => {
  const stored = () => JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null') as Record<string, unknown>[] | null;

  it('keeps the click for the visit, sends it once consent comes on a later page, as it landed', () => {
    land('/p/1?clickSource=aflite&clickSessionID=later1', 'https://affiliate.example/review');
    const landingUrl = location.href;
    installGoalpost({ base: BASE, consentRequired: true });
    expect(stored()).toEqual([{ clickSource: 'aflite', clickSessionID: 'later1', landingUrl, referrer: 'https://affiliate.example/review' }]);

    nextPage('/basket');
    installGoalpost({ base: BASE, consentRequired: true });
    expect(fetchMock).not.toHaveBeenCalled();

    nextPage('/checkout');
    installGoalpost({ base: BASE, consentRequired: true });
    goalpost()('consent', true);
    goalpost()('consent', true);
    expect(callsTo('/t/clicks').map((c) => c.body)).toEqual([
      { clickSource: 'aflite', clickSessionID: 'later1', landingUrl, referrer: 'https://affiliate.example/review' },
    ]);
    expect(stored()).toBeNull();

    nextPage('/thanks');
    installGoalpost({ base: BASE, consentRequired: true });
    goalpost()('consent', true);
    expect(sentIds()).toEqual(['later1']);
  });

  it('sends the stored click on a later page given consent in the queue, or that needs none', () => {
    land('/?clickSource=aflite&clickSessionID=q1');
    installGoalpost({ base: BASE, consentRequired: true });
    nextPage('/next');
    new Function(INSTALL_STUB)();
    window.goalpost?.('consent', true);
    installGoalpost({ base: BASE, consentRequired: true });
    expect(sentIds()).toEqual(['q1']);

    nextPage('/?clickSource=aflite&clickSessionID=q2');
    installGoalpost({ base: BASE, consentRequired: true });
    nextPage('/no-consent-needed');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(sentIds()).toEqual(['q1', 'q2']);
  });

  it('stores nothing when consent is already given on landing', () => {
    land('/?clickSource=aflite&clickSessionID=now1');
    new Function(INSTALL_STUB)();
    window.goalpost?.('consent', true);
    installGoalpost({ base: BASE, consentRequired: true });
    expect(sentIds()).toEqual(['now1']);
    expect(stored()).toBeNull();
  });

  it('forgets the stored click on refusal, though consent on the same page still sends it', () => {
    land('/?clickSource=aflite&clickSessionID=ref1');
    installGoalpost({ base: BASE, consentRequired: true });
    goalpost()('consent', false);
    expect(stored()).toBeNull();
    history.pushState(null, '', '/?clickSource=aflite&clickSessionID=ref2');
    expect(stored()).toBeNull();

    nextPage('/elsewhere');
    installGoalpost({ base: BASE, consentRequired: true });
    goalpost()('consent', true);
    expect(fetchMock).not.toHaveBeenCalled();

    nextPage('/?clickSource=aflite&clickSessionID=ref3');
    installGoalpost({ base: BASE, consentRequired: true });
    goalpost()('consent', false);
    goalpost()('consent', true);
    expect(sentIds()).toEqual(['ref3']);
  });

  it('holds a click pushed by a single-page app until consent too', () => {
    installGoalpost({ base: BASE, consentRequired: true });
    history.pushState(null, '', '/p?clickSource=aflite&clickSessionID=spa2');
    expect(stored()?.map((c) => c.clickSessionID)).toEqual(['spa2']);
    nextPage('/next');
    installGoalpost({ base: BASE, consentRequired: true });
    goalpost()('consent', true);
    expect(sentIds()).toEqual(['spa2']);
  });
});
