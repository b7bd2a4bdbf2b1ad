import { describe, expect, it } from 'vitest';
import { clickAt, readClick, URL_LIMIT } from './click-params';

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

  it('reads pairs separated by an HTML-escaped ampersand', () => {
    const click = { clickSource: 'aflite', clickSessionID: 'X1' };
    expect(readClick('?clickSource=aflite&amp;clickSessionID=X1', '')).toEqual(click);
    expect(readClick('?clickSource=aflite&amp;amp;clickSessionID=X1', '')).toEqual(click);
    expect(readClick('?clickSource=aflite&#38;clickSessionID=X1', '')).toEqual(click);
    expect(readClick('?clickSource=aflite&#x26;clickSessionID=X1', '')).toEqual(click);
    expect(readClick('?utm=a&AMP;ClickSource=Aflite&AMP;ClickSessionID=X1&amp;x=1', '')).toEqual({ clickSource: 'Aflite', clickSessionID: 'X1' });
    expect(readClick('', '#/p?clickSource=aflite&amp;clickSessionID=H1')?.clickSessionID).toBe('H1');
  });

  it('reads pairs encoded whole, once or twice', () => {
    const click = { clickSource: 'aflite', clickSessionID: 'E1' };
    expect(readClick('?clickSource%3Daflite%26clickSessionID%3DE1', '')).toEqual(click);
    expect(readClick('?clickSource%3daflite%26clickSessionID%3dE1', '')).toEqual(click);
    expect(readClick('?clickSource=aflite%26clickSessionID%3DE1', '')).toEqual(click);
    expect(readClick('?utm=1&clickSource%253Daflite%2526clickSessionID%253DE1', '')).toEqual(click);
    expect(readClick('?clickSource%3Daflite%26amp%3BclickSessionID%3DE1', '')).toEqual(click);
    expect(readClick('', '#clickSource%3Daflite%26clickSessionID%3DE2')?.clickSessionID).toBe('E2');
  });

  it('decodes a whole-encoded session id once, as it would be decoded unencoded', () => {
    expect(readClick('?clickSource%3Daflite%26clickSessionID%3Da%252Bb', '')?.clickSessionID).toBe('a+b');
  });

  it('reads encoded pairs next to a malformed escape', () => {
    expect(readClick('?q=100%&bad=%E0%A4&clickSource%3Daflite%26clickSessionID%3DE3', '')?.clickSessionID).toBe('E3');
  });

  it('still needs aflite and a session id once decoded', () => {
    expect(readClick('?clickSource%3Dawin%26clickSessionID%3DE1', '')).toBeNull();
    expect(readClick('?clickSource%3Daflite%26clickSessionID%3D%2520', '')).toBeNull();
    expect(readClick('?clickSource%3Daflite', '#clickSessionID%3DE1')).toBeNull();
  });
});

describe('clickAt', () => {
  it('reads a full address and keeps it as the landing URL', () => {
    const href = 'https://shop.example/p/1?clickSource=aflite&amp;clickSessionID=A1#top';
    expect(clickAt(href)).toEqual({ clickSource: 'aflite', clickSessionID: 'A1', landingUrl: href });
  });

  it('cuts a landing URL longer than the api accepts', () => {
    const href = 'https://shop.example/p?clickSource=aflite&clickSessionID=A2&pad=' + 'x'.repeat(3000);
    const click = clickAt(href);
    expect(click?.clickSessionID).toBe('A2');
    expect(click?.landingUrl).toBe(href.slice(0, URL_LIMIT));
  });

  it('returns null for an address without a click or one that does not parse', () => {
    expect(clickAt('https://shop.example/about')).toBeNull();
    expect(clickAt('not a url')).toBeNull();
  });
});
