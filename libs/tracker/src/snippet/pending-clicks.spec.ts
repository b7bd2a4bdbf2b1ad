import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPending, PENDING_KEY, storePending } from './pending-clicks';

const click = (id: string) => ({ clickSource: 'aflite', clickSessionID: id, landingUrl: `https://shop.example/?clickSessionID=${id}`, referrer: undefined });

beforeEach(() => {
  sessionStorage.clear();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pending clicks', () => {
  it('keeps clicks in sessionStorage and removes the key once none wait', () => {
    storePending([click('a'), click('b')]);
    expect(loadPending()).toEqual([click('a'), click('b')]);
    storePending([]);
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
    expect(loadPending()).toEqual([]);
  });

  it('keeps only the last ten', () => {
    storePending(Array.from({ length: 12 }, (_, i) => click(`c${i}`)));
    expect(loadPending().map((c) => c.clickSessionID)).toEqual(['c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11']);
  });

  it('returns only well-formed clicks, with only the fields the api accepts', () => {
    sessionStorage.setItem(
      PENDING_KEY,
      JSON.stringify([
        { clickSource: 'AFLITE', clickSessionID: 'ok', landingUrl: 'https://shop.example/', extra: 'x' },
        { clickSource: 'awin', clickSessionID: 'other' },
        { clickSource: 'aflite', clickSessionID: '' },
        { clickSource: 'aflite', clickSessionID: 7 },
        { clickSource: 'aflite', clickSessionID: 'odd-fields', landingUrl: 5, referrer: {} },
        null,
        'text',
      ]),
    );
    expect(loadPending()).toEqual([
      { clickSource: 'AFLITE', clickSessionID: 'ok', landingUrl: 'https://shop.example/', referrer: undefined },
      { clickSource: 'aflite', clickSessionID: 'odd-fields', landingUrl: undefined, referrer: undefined },
    ]);
  });

  it('treats unreadable stored text as nothing pending', () => {
    sessionStorage.setItem(PENDING_KEY, '{not json');
    expect(loadPending()).toEqual([]);
    sessionStorage.setItem(PENDING_KEY, '{"clickSessionID":"a"}');
    expect(loadPending()).toEqual([]);
  });

  it('neither throws nor keeps anything when storage is blocked', () => {
    // As in a sandboxed frame or with site data blocked: reading window.sessionStorage itself throws.
    const own = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      expect(() => storePending([click('a')])).not.toThrow();
      expect(loadPending()).toEqual([]);
      expect(console.debug).toHaveBeenCalledTimes(2);
    } finally {
      if (own) Object.defineProperty(window, 'sessionStorage', own);
      else delete (window as { sessionStorage?: Storage }).sessionStorage;
    }
    storePending([click('b')]);
    expect(loadPending()).toEqual([click('b')]);
  });
});
