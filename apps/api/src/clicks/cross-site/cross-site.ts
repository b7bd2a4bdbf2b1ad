import { getDomain } from 'tldts';

/** A click that came from a page on another site than Goalpost's. */
export interface CrossSitePage {
  /** The page's origin: scheme, host and port, nothing of its path. */
  origin: string;
  /** The page's site (registrable domain). */
  site: string;
  /** Goalpost's own site, as the browser saw it for this click. */
  goalpostSite: string;
}

/**
 * The site of a host as browsers see it for SameSite: its registrable domain under the whole public suffix
 * list, private suffixes included (`a.github.io` and `b.github.io` are different sites), or the host itself
 * when it has none (an IP address, `localhost`).
 */
export function siteOf(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, '');
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/**
 * Whether a page on `pageUrl` gets Goalpost's cookie as a first-party one: it does only when the page is on
 * the same site as the host it called Goalpost on and, with COOKIE_DOMAIN set, on that domain's site too
 * (a cookie for another site's domain is refused outright). Null when it does, or when `pageUrl` is not an
 * http(s) address to judge by (absent, `null`, garbage).
 */
export function crossSitePage(pageUrl: string | undefined, goalpostHost: string, cookieDomain: string | null): CrossSitePage | null {
  if (!pageUrl || !URL.canParse(pageUrl)) return null;
  const page = new URL(pageUrl);
  if (page.protocol !== 'https:' && page.protocol !== 'http:') return null;
  const site = siteOf(page.hostname);
  const goalpostSite = siteOf(goalpostHost);
  const cookieSite = cookieDomain ? siteOf(cookieDomain) : goalpostSite;
  if (site === goalpostSite && site === cookieSite) return null;
  return {
    origin: page.origin,
    site,
    goalpostSite: cookieDomain && cookieSite !== goalpostSite ? `${goalpostSite} (cookie domain ${cookieDomain})` : goalpostSite,
  };
}
