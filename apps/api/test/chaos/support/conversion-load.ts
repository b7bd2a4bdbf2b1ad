import type { ApiClient } from '../../integration/harness/api-client';
import { GOAL_ID } from '../../integration/harness/stack';

/** What the merchant's server saw for each conversion it sent. */
export interface LoadResult {
  /** Answered 201/200: Goalpost promised these are stored. */
  acknowledged: string[];
  /** Answered 503: refused, nothing promised (the merchant retries later). */
  refused: string[];
  /** 503s that came without a Retry-After header. */
  refusedWithoutRetryAfter: number;
  /** Any other status (a 500 included) or a broken connection, by what happened. */
  other: Record<string, number>;
}

/** Posts one conversion per mref, `concurrency` at a time, as a merchant's order system would. */
export async function postConversions(api: ApiClient, mrefs: string[], concurrency: number): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: [], refused: [], refusedWithoutRetryAfter: 0, other: {} };
  let next = 0;
  const worker = async () => {
    while (next < mrefs.length) {
      const mref = mrefs[next++];
      try {
        const res = await api.postConversion({ goalId: GOAL_ID, mref, value: '12.50', clickSessionID: `cs-${mref}` });
        if (res.status === 201 || res.status === 200) result.acknowledged.push(mref);
        else if (res.status === 503) {
          result.refused.push(mref);
          if (!res.header('retry-after')) result.refusedWithoutRetryAfter += 1;
        } else result.other[String(res.status)] = (result.other[String(res.status)] ?? 0) + 1;
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'error';
        result.other[code] = (result.other[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

export function merge(...results: LoadResult[]): LoadResult {
  const out: LoadResult = { acknowledged: [], refused: [], refusedWithoutRetryAfter: 0, other: {} };
  for (const r of results) {
    out.acknowledged.push(...r.acknowledged);
    out.refused.push(...r.refused);
    out.refusedWithoutRetryAfter += r.refusedWithoutRetryAfter;
    for (const [k, v] of Object.entries(r.other)) out.other[k] = (out.other[k] ?? 0) + v;
  }
  return out;
}
