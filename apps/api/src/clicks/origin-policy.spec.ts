import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_SETTINGS } from '../settings/settings.types';
import { isAllowedOrigin, isAllowedRedirect, originMatches } from './origin-policy';

const settings = {
  ...DEFAULT_SETTINGS,
  allowedOrigins: ['https://shop.example', 'https://*.brand.example'],
  redirectHosts: ['landing.example', '*.promo.example'],
};
const request = { protocol: 'https', host: 'track.shop.example' } as FastifyRequest;

describe('origin policy', () => {
  it.each([
    ['https://shop.example', 'https://shop.example', true],
    ['https://shop.example', 'https://shop.example/', true],
    ['http://shop.example', 'https://shop.example', false],
    ['https://evilshop.example', 'https://shop.example', false],
    ['https://a.brand.example', 'https://*.brand.example', true],
    ['https://brand.example', 'https://*.brand.example', false],
    ['https://a.brand.example.evil', 'https://*.brand.example', false],
  ])('%s against %s → %s', (origin, pattern, expected) => {
    expect(originMatches(origin, pattern)).toBe(expected);
  });

  it("accepts Goalpost's own origin and the configured ones only", () => {
    expect(isAllowedOrigin('https://track.shop.example', settings, request)).toBe(true);
    expect(isAllowedOrigin('https://shop.example', settings, request)).toBe(true);
    expect(isAllowedOrigin('https://elsewhere.example', settings, request)).toBe(false);
  });

  it.each([
    ['https://landing.example/p?x=1', true],
    ['https://a.promo.example/', true],
    ['https://shop.example/basket', true],
    ['https://evil.example/', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@landing.example/', false],
    ['https://landing.example.evil/', false],
  ])('redirect to %s → %s', (target, expected) => {
    expect(isAllowedRedirect(new URL(target), settings)).toBe(expected);
  });
});
