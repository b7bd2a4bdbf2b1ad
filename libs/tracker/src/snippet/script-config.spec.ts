import { afterEach, describe, expect, it } from 'vitest';
import { findOwnScript, readConfig } from './script-config';

const PAGE = 'https://shop.example/products/1';

function script(src: string, data: Record<string, string> = {}): HTMLScriptElement {
  const el = document.createElement('script');
  el.src = src;
  Object.assign(el.dataset, data);
  return el;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('readConfig', () => {
  it('derives the base from the script origin', () => {
    expect(readConfig(script('https://relay.shop.example/t/goalpost.js'), PAGE)).toEqual({
      base: 'https://relay.shop.example',
      consentRequired: false,
    });
  });

  it('keeps a path prefix before /t/goalpost.js and ignores a cache-busting query', () => {
    expect(readConfig(script('https://shop.example/goalpost/t/goalpost.js?v=3'), PAGE).base).toBe('https://shop.example/goalpost');
  });

  it('uses the origin alone when the file is served under another name', () => {
    expect(readConfig(script('https://cdn.example/assets/gp.js'), PAGE).base).toBe('https://cdn.example');
  });

  it('lets data-endpoint override the script location', () => {
    const el = script('https://cdn.example/t/goalpost.js', { endpoint: 'https://track.shop.example/gp/' });
    expect(readConfig(el, PAGE).base).toBe('https://track.shop.example/gp');
  });

  it('resolves a relative data-endpoint against the page', () => {
    const el = script('https://cdn.example/t/goalpost.js', { endpoint: '/relay' });
    expect(readConfig(el, PAGE).base).toBe('https://shop.example/relay');
  });

  it('reads consent mode from data-consent', () => {
    expect(readConfig(script('https://x.example/t/goalpost.js', { consent: 'required' }), PAGE).consentRequired).toBe(true);
    expect(readConfig(script('https://x.example/t/goalpost.js', { consent: 'no' }), PAGE).consentRequired).toBe(false);
  });

  it('falls back to the page origin without a script', () => {
    expect(readConfig(null, PAGE)).toEqual({ base: '', consentRequired: false });
  });
});

describe('findOwnScript', () => {
  it('picks the last tracker script when currentScript is unavailable', () => {
    document.head.append(script('https://a.example/t/goalpost.js'), script('https://b.example/gp/t/goalpost.js?v=2'), script('https://cdn.example/jquery.js'));
    expect(findOwnScript(document)?.src).toBe('https://b.example/gp/t/goalpost.js?v=2');
  });

  it('returns null when no tracker script is on the page', () => {
    document.head.append(script('https://cdn.example/jquery.js'));
    expect(findOwnScript(document)).toBeNull();
  });
});
