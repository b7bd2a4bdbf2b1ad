import { parseXml, normalizeName, type XmlElement } from './xml';

/**
 * What a register-goal answer body says about the goal. Aflite documents none of this, so the
 * word lists below are the one place to tune when a real answer is misread.
 */
export interface BodySignal {
  rejected: boolean;
  duplicate: boolean;
}

const REJECTED_PREFIX = /^(error|fail)/i;
const REJECTION_WORDS = [
  /\binvalid\b/i,
  /\bduplicat(e|ed)\b/i,
  /\balready\b/i,
  /\bnot\s+recorded\b/i,
  /\breject(ed)?\b/i,
  /\bin\s+error\b/i,
  /\bfailed\b/i,
  /\bmissing\b/i,
  /\bdenied\b/i,
  /\bforbidden\b/i,
  /\bunauthori[sz]ed\b/i,
];
const DUPLICATE_WORDS = [/\bduplicat(e|ed)\b/i, /\balready\s+(been\s+)?(recorded|registered|exists?)\b/i, /\bexists\b/i];

const STATUS_KEYS = new Set(['status', 'result', 'state', 'outcome']);
const ERROR_STATUSES = new Set(['error', 'err', 'failed', 'failure', 'fail', 'rejected', 'invalid', 'duplicate']);
const SUCCESS_KEYS = new Set(['success', 'ok']);
const ERROR_KEYS = new Set(['error', 'errors', 'fault']);
const MAX_DEPTH = 4;

export function inspectBody(body: string, merchantRef?: string): BodySignal {
  const text = body.trim();
  // The merchant's own reference may contain any word ("ALREADY-PAID-7"); it says nothing about the outcome.
  const scan = withoutMerchantRef(text, merchantRef);
  const duplicate = DUPLICATE_WORDS.some((word) => word.test(scan));
  const rejected = REJECTED_PREFIX.test(text) || REJECTION_WORDS.some((word) => word.test(scan)) || structuredError(text);
  return { rejected, duplicate };
}

function withoutMerchantRef(text: string, merchantRef?: string): string {
  let out = text.replace(/\bmref\s*[=:]\s*"?[^\s"&<,;]*/gi, ' ');
  if (merchantRef && merchantRef.trim() !== '') out = out.split(merchantRef).join(' ');
  return out;
}

type Entry = { key: string; value: unknown };

function structuredError(text: string): boolean {
  const entries = text.startsWith('{') || text.startsWith('[') ? jsonEntries(text) : xmlEntries(text);
  return entries.some(isErrorEntry);
}

function isErrorEntry({ key, value }: Entry): boolean {
  if (STATUS_KEYS.has(key)) return typeof value === 'string' && ERROR_STATUSES.has(value.trim().toLowerCase());
  if (SUCCESS_KEYS.has(key)) return value === false || value === 0 || value === 'false' || value === '0';
  if (ERROR_KEYS.has(key)) return isPresent(value);
  return false;
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0) return false;
  if (typeof value === 'string') return value.trim() !== '' && value.trim().toLowerCase() !== 'false';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function jsonEntries(text: string): Entry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const out: Entry[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return;
    if (Array.isArray(node)) return node.forEach((item) => walk(item, depth + 1));
    for (const [key, value] of Object.entries(node)) {
      out.push({ key: normalizeName(key), value });
      walk(value, depth + 1);
    }
  };
  walk(parsed, 0);
  return out;
}

function xmlEntries(text: string): Entry[] {
  if (!text.startsWith('<')) return [];
  let roots: XmlElement[];
  try {
    roots = parseXml(text);
  } catch {
    return [];
  }
  const out: Entry[] = [];
  const walk = (element: XmlElement, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const name = normalizeName(element.name);
    // <error/> as the whole document is an error even with nothing inside.
    const value = element.children.length > 0 ? true : depth === 0 && ERROR_KEYS.has(name) ? true : element.text;
    out.push({ key: name, value });
    for (const [key, attr] of Object.entries(element.attrs)) out.push({ key: normalizeName(key), value: attr });
    element.children.forEach((child) => walk(child, depth + 1));
  };
  roots.forEach((root) => walk(root, 0));
  return out;
}
