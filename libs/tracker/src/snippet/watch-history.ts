import { debug } from './debug';

/** Dispatched on window after the page's own pushState or replaceState has changed the address. */
export const URL_CHANGED = 'goalpost:urlchange';

type HistoryMethod = History['pushState'] & { goalpost?: true };

/**
 * Single-page apps change the address without loading a page, so pushState and replaceState are wrapped
 * to announce it (popstate and hashchange cover the rest). The wrapper calls the page's function first
 * with the same `this` and arguments and returns what it returns; an error it throws reaches the page
 * unchanged. Each method is wrapped once, whatever the number of snippet copies on the page.
 */
export function watchHistory(): void {
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name] as HistoryMethod;
    if (typeof original !== 'function' || original.goalpost) continue;
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      try {
        dispatchEvent(new Event(URL_CHANGED));
      } catch (err) {
        debug(err);
      }
      return result;
    } as HistoryMethod;
    wrapped.goalpost = true;
    try {
      history[name] = wrapped;
    } catch (err) {
      // A page that froze history keeps it as it is; popstate and hashchange still work.
      debug(err);
    }
  }
}
