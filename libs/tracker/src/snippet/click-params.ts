import type { Click } from './types';

/** The click table's landingUrl and referrer columns hold 2048 characters; longer is refused, so it is cut. */
export const URL_LIMIT = 2048;

/** `&amp;` (or `&#38;`, even escaped twice) left by a template that HTML-escaped the link separates pairs as `&` does. */
const ESCAPED_AMPERSAND = /&(?:amp;|#0*38;|#x0*26;)+/gi;

/** Decodes runs of %XX, leaving a malformed run as it is rather than failing the whole query. */
const decodeRuns = (text: string) =>
  text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

function fromQuery(query: string): Click | null {
  let source = '';
  let session = '';
  // Affiliates and ad platforms rewrite parameter names' case, so names are matched loosely.
  new URLSearchParams(query.replace(ESCAPED_AMPERSAND, '&')).forEach((value, name) => {
    const key = name.toLowerCase();
    if (key === 'clicksource' && !source) source = value.trim();
    if (key === 'clicksessionid' && !session) session = value.trim();
  });
  return source.toLowerCase() === 'aflite' && session ? { clickSource: source, clickSessionID: session } : null;
}

/**
 * Some redirectors encode the appended pairs whole (`clickSource%3Daflite%26clickSessionID%3D…`), once or
 * twice: when the query as it is holds no click, it is decoded a level and read again.
 */
function fromAnyQuery(query: string): Click | null {
  for (let level = 0; level < 3; level++) {
    const click = fromQuery(query);
    if (click) return click;
    const decoded = decodeRuns(query);
    if (decoded === query) break;
    query = decoded;
  }
  return null;
}

/**
 * The query is checked before the hash; hash routers put their query after `#/route?`,
 * and a bare `#clickSource=…` is accepted too. Each part is read on its own so a source
 * and a session id from different places are never paired.
 */
export function readClick(search: string, hash: string): Click | null {
  return fromAnyQuery(search) || fromAnyQuery(hash.slice(hash.indexOf('?') + 1 || 1));
}

/** The click an address carries, with that address as its landing URL. */
export function clickAt(href: string): Click | null {
  try {
    const url = new URL(href);
    const click = readClick(url.search, url.hash);
    if (click) click.landingUrl = href.slice(0, URL_LIMIT);
    return click;
  } catch {
    return null;
  }
}
