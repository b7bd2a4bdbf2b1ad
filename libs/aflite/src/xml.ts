import { XMLParser } from 'fast-xml-parser';

/** A namespace-free, lower-cased view of an XML element; Aflite's casing and nesting are not documented. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Direct text content, trimmed and joined. */
  text: string;
  children: XmlElement[];
}

const ATTRS_KEY = ':@';
const TEXT_KEY = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Values must stay strings: "10.90" and "05" would otherwise lose their zeros.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
  transformTagName: (name) => name.toLowerCase(),
  transformAttributeName: (name) => name.toLowerCase(),
});

/** Parses and validates XML; throws on anything that is not well-formed. */
export function parseXml(text: string): XmlElement[] {
  const nodes: unknown = parser.parse(text, true);
  return toElements(nodes);
}

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const out: XmlElement[] = [];
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    const element = toElement(node as Record<string, unknown>);
    if (element) out.push(element);
  }
  return out;
}

function toElement(node: Record<string, unknown>): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ATTRS_KEY && key !== TEXT_KEY);
  if (name === undefined) return undefined;
  const content = Array.isArray(node[name]) ? (node[name] as unknown[]) : [];
  const texts: string[] = [];
  for (const part of content) {
    if (part && typeof part === 'object' && TEXT_KEY in part) {
      texts.push(String((part as Record<string, unknown>)[TEXT_KEY]));
    }
  }
  return {
    name,
    attrs: toAttrs(node[ATTRS_KEY]),
    text: texts.join(' ').trim(),
    children: toElements(content),
  };
}

function toAttrs(raw: unknown): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!raw || typeof raw !== 'object') return attrs;
  for (const [key, value] of Object.entries(raw)) attrs[key] = String(value);
  return attrs;
}

/** Lower-cased with separators removed, so goal_id, goalId and GoalID compare equal. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Value of a field given either as an attribute or as a child element. */
export function fieldOf(element: XmlElement, names: readonly string[]): string | undefined {
  for (const [key, value] of Object.entries(element.attrs)) {
    if (names.includes(normalizeName(key)) && value.trim() !== '') return value.trim();
  }
  for (const child of element.children) {
    if (names.includes(normalizeName(child.name)) && child.text !== '') return child.text;
  }
  return undefined;
}
