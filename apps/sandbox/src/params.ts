/** Parameters as parsed from a query string or form body; repeated names become arrays. */
export type RawParams = Record<string, string | string[]>;

export function rawParams(input: unknown): RawParams {
  if (typeof input !== 'object' || input === null) return {};
  const out: RawParams = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.map(String);
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
  }
  return out;
}

/** One value per name (the first, when repeated); form body wins over the query string. */
export function mergeParams(query: RawParams, body: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of [query, body]) {
    for (const [key, value] of Object.entries(source)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) out[key] = first;
    }
  }
  return out;
}
