import { describe, expect, it } from 'vitest';
import { isHostname, isHostPattern, isHttpBaseUrl, isOriginPattern } from './settings-validators';

describe('settings validators', () => {
  it('accepts host names and IPv4 addresses', () => {
    for (const ok of ['shop.example', 'localhost', 'a-b.c0.example', '10.0.0.5']) expect(isHostname(ok), ok).toBe(true);
    for (const bad of ['', 'shop example', '-shop.example', 'shop..example', 'shop.example/', 'https://shop.example', '*.shop.example'])
      expect(isHostname(bad), bad).toBe(false);
    expect(isHostPattern('*.shop.example')).toBe(true);
  });

  it('accepts origins and *. origins, never a path', () => {
    for (const ok of ['https://shop.example', 'http://localhost:5173', 'https://*.shop.example', 'https://shop.example/'])
      expect(isOriginPattern(ok), ok).toBe(true);
    for (const bad of [
      'shop.example',
      'https://shop.example/checkout',
      'ftp://shop.example',
      'https://shop.example:99999',
      'https://user@shop.example',
      'https://*shop.example',
    ]) {
      expect(isOriginPattern(bad), bad).toBe(false);
    }
  });

  it('accepts an http(s) base URL without credentials or query', () => {
    for (const ok of ['http://aflite.co.uk', 'https://aflite.co.uk/', 'http://127.0.0.1:4010', 'https://proxy.example/aflite'])
      expect(isHttpBaseUrl(ok), ok).toBe(true);
    for (const bad of ['aflite.co.uk', 'ftp://aflite.co.uk', 'https://u:p@aflite.co.uk', 'https://aflite.co.uk/?a=1', 'javascript:alert(1)'])
      expect(isHttpBaseUrl(bad), bad).toBe(false);
  });
});
