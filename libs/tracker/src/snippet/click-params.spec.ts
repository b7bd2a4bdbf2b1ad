import { describe, expect, it } from 'vitest';
import { readClick } from './click-params';

describe('readClick', () => {
  it('reads the parameters from the query', () => {
    expect(readClick('?clickSource=aflite&clickSessionID=abc123', '')).toEqual({
      clickSource: 'aflite',
      clickSessionID: 'abc123',
    });
  });

  it('matches parameter names and the aflite value case-insensitively', () => {
    expect(readClick('?utm=x&clicksource=AFLITE&CLICKSESSIONID=abc', '')).toEqual({
      clickSource: 'AFLITE',
      clickSessionID: 'abc',
    });
  });

  it('reads a hash router query', () => {
    expect(readClick('', '#/product/42?ClickSource=Aflite&ClickSessionId=h1')).toEqual({
      clickSource: 'Aflite',
      clickSessionID: 'h1',
    });
  });

  it('reads a bare hash query', () => {
    expect(readClick('', '#clickSource=aflite&clickSessionID=h2')?.clickSessionID).toBe('h2');
  });

  it('prefers the query over the hash', () => {
    expect(readClick('?clickSource=aflite&clickSessionID=q', '#?clickSource=aflite&clickSessionID=h')?.clickSessionID).toBe('q');
  });

  it('ignores other click sources', () => {
    expect(readClick('?clickSource=awin&clickSessionID=abc', '')).toBeNull();
    expect(readClick('?clickSource=aflite-test&clickSessionID=abc', '')).toBeNull();
  });

  it('needs a session id', () => {
    expect(readClick('?clickSource=aflite', '')).toBeNull();
    expect(readClick('?clickSource=aflite&clickSessionID=%20', '')).toBeNull();
  });

  it('does not pair a source and a session id from different parts of the URL', () => {
    expect(readClick('?clickSource=aflite', '#?clickSessionID=abc')).toBeNull();
  });

  it('returns null without parameters', () => {
    expect(readClick('', '')).toBeNull();
    expect(readClick('?q=shoes', '#top')).toBeNull();
  });
});
