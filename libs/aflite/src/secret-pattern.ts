/**
 * A regular expression source that matches one secret however a server may have written it back: as is,
 * percent-encoded (either hex case, or encoded twice), form-encoded, JSON-escaped or as HTML/XML entities,
 * in any mix of these, character by character.
 */
export function secretPatternSource(secret: string): string {
  return [...secret].map(charPattern).join('');
}

/**
 * Matches a leading part of the secret (at least `minChars` characters) at the very end of a text: what is
 * left of a copy cut off where the text was truncated.
 */
export function secretPrefixAtEndSource(secret: string, minChars: number): string {
  const chars = [...secret].map(charPattern);
  if (chars.length < minChars) return '(?!)';
  let optionalTail = '';
  for (let i = chars.length - 1; i >= minChars; i--) optionalTail = `(?:${chars[i]}${optionalTail})?`;
  return `${chars.slice(0, minChars).join('')}${optionalTail}$`;
}

const NAMED_ENTITIES: Record<string, string[]> = {
  '&': ['&amp;'],
  '<': ['&lt;'],
  '>': ['&gt;'],
  '"': ['&quot;', '\\\\"'],
  "'": ['&apos;'],
  '/': ['\\\\/'],
  '\\': ['\\\\\\\\'],
  ' ': ['\\+'],
};

function charPattern(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const alternatives = [escapeRegExp(char), percentEncoded(char), `&#0*${code};`, `&#[xX]0*${hexAnyCase(code.toString(16))};`, ...jsonEscapes(char)];
  alternatives.push(...(NAMED_ENTITIES[char] ?? []));
  return `(?:${alternatives.join('|')})`;
}

/** %HH per UTF-8 byte, hex digits in either case, the % itself possibly encoded again as %25. */
function percentEncoded(char: string): string {
  return [...new TextEncoder().encode(char)].map((byte) => `%(?:25)?${hexAnyCase(byte.toString(16).padStart(2, '0'))}`).join('');
}

/** \uXXXX for each UTF-16 unit, as JSON writers may escape any character. */
function jsonEscapes(char: string): string[] {
  const units = [];
  for (let i = 0; i < char.length; i++) units.push(`\\\\u${hexAnyCase(char.charCodeAt(i).toString(16).padStart(4, '0'))}`);
  return [units.join('')];
}

function hexAnyCase(hex: string): string {
  return [...hex].map((d) => (/[a-f]/i.test(d) ? `[${d.toLowerCase()}${d.toUpperCase()}]` : d)).join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
