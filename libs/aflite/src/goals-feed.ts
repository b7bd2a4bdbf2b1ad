import type { AfliteResponse } from './classify';
import { describeStatus, excerpt } from './http';
import { fieldOf, normalizeName, parseXml, type XmlElement } from './xml';

export interface AfliteGoalRecord {
  merchantRef: string;
  goalId?: string;
  value?: string;
  commission?: string;
  status?: string;
  clickSessionId?: string;
  date?: string;
}

export class AfliteFeedError extends Error {
  override name = 'AfliteFeedError';
}

// The feed's shape is undocumented: these are the element names a goal record has been, or could be, called.
const RECORD_NAMES = new Set(['goal', 'conversion', 'transaction', 'sale']);
const FIELDS = {
  merchantRef: ['mref', 'merchantref', 'merchantreference', 'ref'],
  goalId: ['goalid', 'goal'],
  value: ['value', 'amount', 'salevalue', 'ordervalue', 'saleamount'],
  commission: ['commission', 'commissionvalue', 'commissionamount'],
  status: ['status', 'state'],
  clickSessionId: ['clicksessionid', 'clicksession', 'sessionid'],
  date: ['date', 'datetime', 'goaldate', 'created', 'createdat', 'timestamp', 'time'],
} as const;
const ERROR_NAMES = new Set(['error', 'errors', 'fault']);
const ERROR_STATUSES = new Set(['error', 'failed', 'failure', 'fail', 'invalid', 'denied']);

/** Parses a goals feed; an empty body is an empty feed (the mref is not an affiliate sale). */
export function parseGoalsFeed(xml: string): AfliteGoalRecord[] {
  const text = xml.replace(/^\uFEFF/, '').trim();
  if (text === '') return [];
  if (!text.startsWith('<')) throw new AfliteFeedError(`goals feed is not XML: ${excerpt(text)}`);
  let roots: XmlElement[];
  try {
    roots = parseXml(text);
  } catch (err) {
    throw new AfliteFeedError(`goals feed is not well-formed XML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const goals: AfliteGoalRecord[] = [];
  for (const root of roots) {
    assertNotError(root);
    goals.push(...recordsIn(root));
  }
  return goals;
}

/**
 * Whether Aflite already holds the mref. A record without its own mref still counts: the feed was
 * asked about this one mref, and wrongly answering "not held" would send a harmful duplicate.
 */
export function feedHoldsMref(goals: AfliteGoalRecord[], merchantRef: string): boolean {
  const wanted = merchantRef.trim().toLowerCase();
  if (wanted === '') return false;
  return goals.some((goal) => {
    const ref = goal.merchantRef.trim().toLowerCase();
    return ref === wanted || ref === '';
  });
}

export function classifyGoalsFeed(response: AfliteResponse): { ok: true; goals: AfliteGoalRecord[] } | { ok: false; reason: string } {
  if (response.status < 200 || response.status >= 300) {
    return { ok: false, reason: describeStatus(response.status, response.body) };
  }
  try {
    return { ok: true, goals: parseGoalsFeed(response.body) };
  } catch (err) {
    if (err instanceof AfliteFeedError) return { ok: false, reason: err.message };
    throw err;
  }
}

function assertNotError(root: XmlElement): void {
  const rootName = normalizeName(root.name);
  if (rootName === 'html') throw new AfliteFeedError('goals feed is an HTML page, not a feed');
  if (ERROR_NAMES.has(rootName)) throw feedReportsError(root.text || root.name);
  const status = fieldOf(root, ['status', 'result']);
  if (status && ERROR_STATUSES.has(status.toLowerCase())) {
    throw feedReportsError(fieldOf(root, ['message', 'error', 'reason']) ?? status);
  }
  const error = root.children.find((child) => ERROR_NAMES.has(normalizeName(child.name)));
  if (error && (error.text !== '' || error.children.length > 0)) {
    throw feedReportsError(error.text || error.children.map((child) => child.text).join(' '));
  }
}

function feedReportsError(detail: string): AfliteFeedError {
  return new AfliteFeedError(`goals feed reports an error: ${excerpt(detail)}`);
}

function recordsIn(root: XmlElement): AfliteGoalRecord[] {
  const named = collect(root, '', (element) => RECORD_NAMES.has(normalizeName(element.name)));
  if (named.length > 0) return named;
  // Unknown record names: anything below the root that carries its own mref is a goal.
  return collect(root, '', (element, depth) => depth > 0 && isRecordLike(element), 0);
}

function isRecordLike(element: XmlElement): boolean {
  return (element.children.length > 0 || Object.keys(element.attrs).length > 0) && fieldOf(element, FIELDS.merchantRef) !== undefined;
}

function collect(element: XmlElement, inheritedRef: string, isRecord: (element: XmlElement, depth: number) => boolean, depth = 0): AfliteGoalRecord[] {
  if (isRecord(element, depth)) return [toRecord(element, inheritedRef)];
  // A container such as <goals mref="ORDER-1"> names the mref its records belong to.
  const ref = fieldOf(element, FIELDS.merchantRef) ?? inheritedRef;
  return element.children.flatMap((child) => collect(child, ref, isRecord, depth + 1));
}

function toRecord(element: XmlElement, inheritedRef: string): AfliteGoalRecord {
  const record: AfliteGoalRecord = { merchantRef: fieldOf(element, FIELDS.merchantRef) ?? inheritedRef };
  for (const key of ['goalId', 'value', 'commission', 'status', 'clickSessionId', 'date'] as const) {
    const value = fieldOf(element, FIELDS[key]);
    if (value !== undefined) record[key] = value;
  }
  return record;
}
