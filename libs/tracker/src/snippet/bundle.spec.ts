import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, assert, beforeEach, describe, expect, it, vi } from 'vitest';
import { INSTALL_STUB } from '../snippet-tag';
import type { Goalpost } from './types';

// Built by `nx run @goalpost/tracker:build`, which the test target depends on.
const BUNDLE = join(__dirname, '..', '..', 'dist', 'goalpost.min.js');
const code = () => readFileSync(BUNDLE, 'utf8');

/** Read at call time: a `delete window.goalpost` earlier in a test does not narrow it. */
const installed = () => window.goalpost as Goalpost;

const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();

function addScriptTag(src: string, data: Record<string, string> = {}): void {
  const el = document.createElement('script');
  el.src = src;
  Object.assign(el.dataset, data);
  document.head.append(el);
}

beforeEach(() => {
  delete window.goalpost;
  sessionStorage.clear();
  document.head.innerHTML = '';
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => new Response('{"ok":true}', { status: 201 }));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('built snippet', () => {
  it('is under 4 KB', () => {
    const bytes = Buffer.byteLength(code());
    console.log(`goalpost.min.js: ${bytes} bytes, ${gzipSync(code()).length} gzipped`);
    expect(bytes).toBeLessThan(4096);
  });

  it('finds its own tag, replays the stub queue and posts to the derived base', async () => {
    history.replaceState(null, '', '/shoes?ClickSource=Aflite&ClickSessionID=s-1');
    addScriptTag('https://shop.example/goalpost/t/goalpost.js?v=1', { consent: 'required' });
    new Function(INSTALL_STUB)();
    assert(window.goalpost, 'INSTALL_STUB defines window.goalpost');
    window.goalpost('goal', { goal: 'sale', mref: 'ORD-1', value: '9.99' });

    new Function(code())();

    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['https://shop.example/goalpost/t/goals']);
    const goalpost = window.goalpost as Goalpost;
    goalpost('consent', true);
    expect(fetchMock).toHaveBeenLastCalledWith(
      'https://shop.example/goalpost/t/clicks',
      expect.objectContaining({ method: 'POST', credentials: 'include', keepalive: true }),
    );
    await expect(goalpost('goal', { goal: 'sale', mref: 'ORD-2' })).resolves.toEqual({ ok: true });
  });

  it('does not throw into the page when fetch is missing', () => {
    vi.stubGlobal('fetch', undefined);
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    history.replaceState(null, '', '/?clickSource=aflite&clickSessionID=s-2');
    expect(() => new Function(code())()).not.toThrow();
  });

  it('sends a click a single-page app pushes, and one kept from an earlier page once consent is given', () => {
    history.replaceState(null, '', '/');
    addScriptTag('https://gp.example/t/goalpost.js', { consent: 'required' });
    new Function(code())();
    history.pushState(null, '', '/p?clickSource=aflite&amp;clickSessionID=spa-1');
    expect(fetchMock).not.toHaveBeenCalled();

    // The next page of the visit: a fresh copy of the snippet, the same tab's sessionStorage.
    delete window.goalpost;
    history.replaceState(null, '', '/checkout');
    new Function(code())();
    installed()('consent', true);
    expect(fetchMock.mock.calls.map(([url, init]) => [url, JSON.parse(String(init.body)).clickSessionID])).toEqual([['https://gp.example/t/clicks', 'spa-1']]);
  });
});
