import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { URL_CHANGED, watchHistory } from './watch-history';

const seenAt: string[] = [];
const record = () => seenAt.push(location.pathname + location.search);

beforeEach(() => {
  seenAt.length = 0;
  addEventListener(URL_CHANGED, record);
});

afterEach(() => {
  removeEventListener(URL_CHANGED, record);
  vi.restoreAllMocks();
});

describe('watchHistory', () => {
  it('announces each pushState and replaceState after the address has changed', () => {
    watchHistory();
    history.pushState({ n: 1 }, '', '/a?x=1');
    history.replaceState({ n: 2 }, '', '/b');
    expect(seenAt).toEqual(['/a?x=1', '/b']);
    expect(history.state).toEqual({ n: 2 });
  });

  it('wraps each method once, however often it is called', () => {
    watchHistory();
    const wrapped = history.pushState;
    watchHistory();
    expect(history.pushState).toBe(wrapped);
    history.pushState(null, '', '/once');
    expect(seenAt).toEqual(['/once']);
  });

  it("wraps a page's own wrapper, calling it with the same this, arguments and result", () => {
    const calls: unknown[][] = [];
    const native = History.prototype.pushState;
    const pageWrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      calls.push([this, ...args]);
      return native.apply(this, args);
    };
    history.pushState = pageWrapper;
    watchHistory();
    expect(history.pushState).not.toBe(pageWrapper);
    expect(history.pushState({ s: 1 }, '', '/page-wrapped')).toBeUndefined();
    expect(calls).toEqual([[history, { s: 1 }, '', '/page-wrapped']]);
    expect(seenAt).toEqual(['/page-wrapped']);
  });

  it("lets the page's error through and announces nothing", () => {
    const failing = () => {
      throw new DOMException('cross-origin URL', 'SecurityError');
    };
    history.replaceState = failing;
    watchHistory();
    expect(() => history.replaceState(null, '', 'https://elsewhere.example/')).toThrow('cross-origin URL');
    expect(seenAt).toEqual([]);
  });

  it('leaves a frozen history as it is', () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    const frozen = function () {};
    Object.defineProperty(history, 'pushState', { value: frozen, writable: false, configurable: true });
    expect(() => watchHistory()).not.toThrow();
    expect(history.pushState).toBe(frozen);
    Object.defineProperty(history, 'pushState', { value: History.prototype.pushState, writable: true, configurable: true });
  });
});
