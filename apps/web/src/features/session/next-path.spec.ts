import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path';

describe('after sign-in', () => {
  it('returns to a path on this site', () => {
    expect(safeNextPath('/deliveries?status=failed')).toBe('/deliveries?status=failed');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/sign-in?next=/x'])('goes to the overview instead of %s', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('keeps the query when sending to sign in', () => {
    expect(signInPath({ pathname: '/clicks', search: '?q=A1' })).toBe('/sign-in?next=%2Fclicks%3Fq%3DA1');
    expect(signInPath({ pathname: '/', search: '' })).toBe('/sign-in');
  });
});
