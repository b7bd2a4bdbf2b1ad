import { MAX_STORED_VALUE_MINOR } from '../database/columns';

/** With no maximum of its own, a goal from a browser may be worth up to this many times its default value… */
export const BROWSER_CAP_DEFAULT_MULTIPLE = 10;
/** …or up to 1,000.00 when it has no default value (or a default of 0). */
export const BROWSER_CAP_WITHOUT_DEFAULT_MINOR = 100_000;

/**
 * The most a goal recorded from a browser may be worth, in minor units. Anyone can call the snippet, so
 * a browser's value is only believed up to a bound the merchant set (or a sensible one derived from the
 * goal); larger amounts belong on the server-to-server API.
 */
export function browserValueCapMinor(goal: { defaultValueMinor: number | null; maxBrowserValueMinor: number | null }): number {
  if (goal.maxBrowserValueMinor !== null) return goal.maxBrowserValueMinor;
  if (goal.defaultValueMinor) return Math.min(goal.defaultValueMinor * BROWSER_CAP_DEFAULT_MULTIPLE, MAX_STORED_VALUE_MINOR);
  return BROWSER_CAP_WITHOUT_DEFAULT_MINOR;
}
