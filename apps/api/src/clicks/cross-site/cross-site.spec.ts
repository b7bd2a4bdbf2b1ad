import { describe, expect, it } from 'vitest';
import { crossSitePage, siteOf } from './cross-site';

describe('cross-site clicks', () => {
  it.each([
    ['track.shop.example', 'shop.example'],
    ['Shop.Example.', 'shop.example'],
    ['www.shop.co.uk', 'shop.co.uk'],
    ['goalpost.herokuapp.com', 'goalpost.herokuapp.com'],
    ['mine.github.io', 'mine.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('the site of %s is %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });

  it('finds a page on the same site as Goalpost first-party, whatever the subdomain, scheme or port', () => {
    expect(crossSitePage('https://www.shop.example/p?x=1', 'track.shop.example', null)).toBeNull();
    expect(crossSitePage('http://shop.example:8080', 'track.shop.example', '.shop.example')).toBeNull();
    expect(crossSitePage('http://127.0.0.1:3611/p', '127.0.0.1', null)).toBeNull();
  });

  it('names the page and both sites when they differ, keeping only the origin of the page', () => {
    expect(crossSitePage('https://www.shop.example/basket?id=7', 'goalpost.hosting.example', null)).toEqual({
      origin: 'https://www.shop.example',
      site: 'shop.example',
      goalpostSite: 'hosting.example',
    });
    // Two customers of one hosting suffix are different sites.
    expect(crossSitePage('https://shop.herokuapp.com/', 'goalpost.herokuapp.com', null)).toMatchObject({ site: 'shop.herokuapp.com' });
    expect(crossSitePage('http://localhost:3611/', '127.0.0.1', null)).toMatchObject({ site: 'localhost', goalpostSite: '127.0.0.1' });
  });

  it('counts a cookie domain of another site as cross-site, since the browser refuses that cookie', () => {
    expect(crossSitePage('https://shop.example/', 'track.shop.example', 'other.example')).toEqual({
      origin: 'https://shop.example',
      site: 'shop.example',
      goalpostSite: 'shop.example (cookie domain other.example)',
    });
  });

  it.each([undefined, '', 'null', 'not a url', 'file:///etc/passwd', 'chrome-extension://abc/'])('has nothing to judge by in %j', (page) => {
    expect(crossSitePage(page, 'track.shop.example', null)).toBeNull();
  });
});
