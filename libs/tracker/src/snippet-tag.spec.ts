import { assert, describe, expect, it } from 'vitest';
import { INSTALL_STUB, snippetTag } from './snippet-tag';

describe('snippetTag', () => {
  it('renders the queue stub and the async tag', () => {
    expect(snippetTag('https://gp.shop.example/')).toBe(
      `<script>${INSTALL_STUB}</script>\n<script async src="https://gp.shop.example/t/goalpost.js"></script>`,
    );
  });

  it('keeps a path prefix and marks consent mode', () => {
    expect(snippetTag('https://shop.example/goalpost', { consentRequired: true })).toContain(
      '<script async src="https://shop.example/goalpost/t/goalpost.js" data-consent="required"></script>',
    );
  });

  it('escapes the URL for the attribute', () => {
    expect(snippetTag('https://x.example/"><b>')).toContain('src="https://x.example/&quot;&gt;&lt;b&gt;/t/goalpost.js"');
  });
});

describe('INSTALL_STUB', () => {
  it('queues calls until the snippet loads and keeps an existing function', () => {
    const win: { goalpost?: ((...args: unknown[]) => void) & { q?: IArguments[] } } = {};
    new Function('window', INSTALL_STUB)(win);
    assert(win.goalpost, 'INSTALL_STUB defines window.goalpost');
    win.goalpost('consent', true);
    win.goalpost('goal', { goal: 'sale', mref: 'A' });
    expect(win.goalpost.q?.map((args) => Array.from(args))).toEqual([
      ['consent', true],
      ['goal', { goal: 'sale', mref: 'A' }],
    ]);

    const loaded = () => {};
    const page = { goalpost: loaded };
    new Function('window', INSTALL_STUB)(page);
    expect(page.goalpost).toBe(loaded);
  });
});
