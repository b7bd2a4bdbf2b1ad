import { describe, expect, it } from 'vitest';
import { clickProblem, readClickLink } from './click-link';

const link = (query: string) => readClickLink(`/t/click?${query}`);

describe('reading a /t/click link', () => {
  it('ignores parameters it does not know and matches the names in any case', () => {
    expect(link('clickSource=aflite&clickSessionID=X1&utm_source=aff&to=https%3A%2F%2Flanding.example%2Fp')).toEqual({
      clickSource: 'aflite',
      clickSessionId: 'X1',
      to: 'https://landing.example/p',
    });
    expect(link('ClickSource=Aflite&CLICKSESSIONID=X2&TO=https%3A%2F%2Flanding.example%2F')).toEqual({
      clickSource: 'Aflite',
      clickSessionId: 'X2',
      to: 'https://landing.example/',
    });
    expect(link('clickSessionID=first&clicksessionid=second&clickSource=aflite').clickSessionId).toBe('first');
  });

  it("uses an encoded to as it is, and what follows it is the link's", () => {
    expect(link('to=https%3A%2F%2Flanding.example%2Fp%3Fx%3D1%26y%3D2&clickSource=aflite&clickSessionID=E1&utm_medium=x')).toEqual({
      clickSource: 'aflite',
      clickSessionId: 'E1',
      to: 'https://landing.example/p?x=1&y=2',
    });
  });

  it.each([
    ['its own query', 'to=https://landing.example/p?x=1&y=2', 'https://landing.example/p?x=1&y=2'],
    ['parameters after it, with no ? of its own', 'to=https://landing.example/p&utm_source=aff', 'https://landing.example/p?utm_source=aff'],
    ["Aflite's parameters appended after it", 'to=https://landing.example/p?x=1&y=2&clickSource=aflite&clickSessionID=U1', 'https://landing.example/p?x=1&y=2'],
    [
      "Aflite's parameters in between, in any case",
      'to=https://landing.example/p?x=1&CLICKSOURCE=aflite&y=%20+&ClickSessionId=U1&z',
      'https://landing.example/p?x=1&y=%20+&z',
    ],
    ['a later to of its own', 'to=https://landing.example/p?x=1&to=https://elsewhere.example/', 'https://landing.example/p?x=1&to=https://elsewhere.example/'],
  ])('keeps the unencoded target whole: %s', (_, query, target) => {
    expect(link(query).to).toBe(target);
  });

  it('takes the click from before and after an unencoded to', () => {
    expect(link('clickSource=aflite&to=https://landing.example/p?x=1&clickSessionID=U2')).toMatchObject({ clickSource: 'aflite', clickSessionId: 'U2' });
  });

  it('has no target without to, and keeps a malformed escape as sent', () => {
    expect(link('clickSource=aflite&clickSessionID=P1').to).toBeUndefined();
    expect(readClickLink('/t/click').to).toBeUndefined();
    expect(link('clickSource=aflite&clickSessionID=%E0%A4%A').clickSessionId).toBe('%E0%A4%A');
  });

  it.each([
    [{ clickSource: undefined, clickSessionId: 'a', to: undefined }, 'clickSource is missing'],
    [{ clickSource: 'awin', clickSessionId: 'a', to: undefined }, 'clickSource is not "aflite"'],
    [{ clickSource: 'AFLITE', clickSessionId: undefined, to: undefined }, 'clickSessionID is missing'],
    [{ clickSource: 'aflite', clickSessionId: 'a b', to: undefined }, 'clickSessionID is not valid'],
    [{ clickSource: 'aflite', clickSessionId: '%E0%A4%A', to: undefined }, 'clickSessionID is not valid'],
    [{ clickSource: 'AfLiTe', clickSessionId: 'ok-1', to: undefined }, null],
  ])('a click %j: %s', (click, problem) => {
    expect(clickProblem(click)).toBe(problem);
  });
});
