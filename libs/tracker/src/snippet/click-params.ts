import type { Click } from './types';

function fromQuery(query: string): Click | null {
  let source = '';
  let session = '';
  // Affiliates and ad platforms rewrite parameter names' case, so names are matched loosely.
  new URLSearchParams(query).forEach((value, name) => {
    const key = name.toLowerCase();
    if (key === 'clicksource' && !source) source = value.trim();
    if (key === 'clicksessionid' && !session) session = value.trim();
  });
  return source.toLowerCase() === 'aflite' && session ? { clickSource: source, clickSessionID: session } : null;
}

/**
 * The query is checked before the hash; hash routers put their query after `#/route?`,
 * and a bare `#clickSource=…` is accepted too. Each part is read on its own so a source
 * and a session id from different places are never paired.
 */
export function readClick(search: string, hash: string): Click | null {
  return fromQuery(search) || fromQuery(hash.slice(hash.indexOf('?') + 1 || 1));
}
