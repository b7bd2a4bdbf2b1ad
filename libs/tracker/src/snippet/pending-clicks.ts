import { debug } from './debug';
import type { Click } from './types';

/**
 * A click waiting for consent is kept in the tab's sessionStorage (never a cookie, never sent) so consent
 * given on a later page of the visit still sends it; the browser drops it when the tab's session ends.
 */
export const PENDING_KEY = 'goalpost:pending-clicks';

/** A visit lands a handful of clicks at most; anything beyond is a page script writing to the key. */
const MAX_PENDING = 10;

const isText = (value: unknown): value is string => typeof value === 'string';
const optionalText = (value: unknown) => (isText(value) ? value : undefined);

/** The stored text is the page's to change: only well-formed clicks come back, with only the fields the api accepts. */
function toClick(value: unknown): Click | null {
  const v = (value || {}) as Record<string, unknown>;
  if (!isText(v.clickSource) || v.clickSource.toLowerCase() !== 'aflite' || !isText(v.clickSessionID) || !v.clickSessionID) return null;
  return { clickSource: v.clickSource, clickSessionID: v.clickSessionID, landingUrl: optionalText(v.landingUrl), referrer: optionalText(v.referrer) };
}

export function loadPending(): Click[] {
  const clicks: Click[] = [];
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(PENDING_KEY) || '[]');
    if (Array.isArray(stored)) {
      for (const item of stored.slice(-MAX_PENDING)) {
        const click = toClick(item);
        if (click) clicks.push(click);
      }
    }
  } catch (err) {
    // Storage blocked (sandboxed frame, privacy settings) or the key rewritten: nothing is pending.
    debug(err);
  }
  return clicks;
}

/** Writes the clicks still waiting, or removes the key when none are. */
export function storePending(clicks: Click[]): void {
  try {
    if (clicks.length) sessionStorage.setItem(PENDING_KEY, JSON.stringify(clicks.slice(-MAX_PENDING)));
    else sessionStorage.removeItem(PENDING_KEY);
  } catch (err) {
    debug(err);
  }
}
