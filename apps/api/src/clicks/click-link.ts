import { CLICK_SESSION_PARAM, CLICK_SOURCE_PARAM, CLICK_SOURCE_VALUE } from '@goalpost/aflite';
import { CLICK_SESSION_PATTERN } from './dto/record-click.dto';

/** What a `/t/click` link carries, read from its raw query string. */
export interface ClickLink {
  clickSource: string | undefined;
  clickSessionId: string | undefined;
  /** Where to send the visitor, exactly as the link gives it (decoded once when it was encoded); undefined for the pixel. */
  to: string | undefined;
}

const TO_PARAM = 'to';
const KNOWN = [CLICK_SOURCE_PARAM, CLICK_SESSION_PARAM].map((name) => name.toLowerCase());
/** encodeURIComponent always encodes both: a `to` whose raw value holds either was pasted in unencoded. */
const UNENCODED_MARK = /[:/]/;

/**
 * Reads a `/t/click` link from the raw request URL, forgiving what affiliates and Aflite do to links:
 *
 * - Names are matched in any case (`ClickSource`, `CLICKSESSIONID`, `TO`); the first of a name wins. Any
 *   other parameter (`utm_source`, …) is allowed and, before `to`, ignored.
 * - A `to` whose raw value contains no `:` and no `/` is an encoded URL: it is decoded once and used as it
 *   is, and whatever follows it in the link is Goalpost's.
 * - Otherwise `to` was given unencoded, and everything after `to=` belongs to the target — its own `?` and
 *   `&`-separated parameters, kept byte for byte and in order — except `clickSource` and `clickSessionID`
 *   (in any case, wherever they stand), which are the click's: Aflite's "Append Variables" adds them to the
 *   end of the link. A later `to` is the target's own parameter.
 */
export function readClickLink(rawUrl: string): ClickLink {
  const queryStart = rawUrl.indexOf('?');
  const query = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1).split('#')[0];
  const parts = query.split('&').filter((part) => part !== '');
  const found = new Map<string, string>();
  let to: string | undefined;
  for (let i = 0; i < parts.length; i += 1) {
    const [name, rawValue] = splitPart(parts[i]);
    if (name === TO_PARAM && to === undefined) {
      if (UNENCODED_MARK.test(rawValue)) {
        to = withTargetParameters(rawValue, parts.slice(i + 1), found);
        break;
      }
      to = decodeFormValue(rawValue);
    } else if (KNOWN.includes(name) && !found.has(name)) {
      found.set(name, decodeFormValue(rawValue));
    }
  }
  return { clickSource: found.get(KNOWN[0]), clickSessionId: found.get(KNOWN[1]), to };
}

/** Why the link's click cannot be recorded (a short, fixed English reason), or null when it is an Aflite click. */
export function clickProblem(link: ClickLink): string | null {
  if (link.clickSource === undefined) return `${CLICK_SOURCE_PARAM} is missing`;
  if (link.clickSource.toLowerCase() !== CLICK_SOURCE_VALUE) return `${CLICK_SOURCE_PARAM} is not "${CLICK_SOURCE_VALUE}"`;
  if (link.clickSessionId === undefined) return `${CLICK_SESSION_PARAM} is missing`;
  if (!CLICK_SESSION_PATTERN.test(link.clickSessionId)) return `${CLICK_SESSION_PARAM} is not valid`;
  return null;
}

/** The unencoded target with its own parameters appended; the click's parameters among them go to `found`. */
function withTargetParameters(target: string, rest: string[], found: Map<string, string>): string {
  const own: string[] = [];
  for (const part of rest) {
    const [name, rawValue] = splitPart(part);
    if (!KNOWN.includes(name)) own.push(part);
    else if (!found.has(name)) found.set(name, decodeFormValue(rawValue));
  }
  if (own.length === 0) return target;
  return `${target}${target.includes('?') ? '&' : '?'}${own.join('&')}`;
}

/** A part's name, decoded and lower-cased, and its value as sent. */
function splitPart(part: string): [string, string] {
  const eq = part.indexOf('=');
  const name = eq === -1 ? part : part.slice(0, eq);
  return [decodeFormValue(name).toLowerCase(), eq === -1 ? '' : part.slice(eq + 1)];
}

/** application/x-www-form-urlencoded decoding; a malformed escape is left as sent (and then fails validation). */
function decodeFormValue(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
