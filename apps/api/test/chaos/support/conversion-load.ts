import type { ApiClient } from '../../integration/harness/api-client';
import { uid } from '../../integration/harness/ids';
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
  /** The longest a single request took to be answered, in ms. */
  slowestMs: number;
}

const empty = (): LoadResult => ({ acknowledged: [], refused: [], refusedWithoutRetryAfter: 0, other: {}, slowestMs: 0 });

/** Posts one conversion and files the answer under what it means for the merchant. */
async function postOne(api: ApiClient, mref: string, result: LoadResult): Promise<void> {
  const started = performance.now();
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
  } finally {
    result.slowestMs = Math.max(result.slowestMs, Math.round(performance.now() - started));
  }
}

/** Posts one conversion per mref, `concurrency` at a time, as a merchant's order system would. */
export async function postConversions(api: ApiClient, mrefs: string[], concurrency: number): Promise<LoadResult> {
  const result = empty();
  let next = 0;
  const worker = async () => {
    while (next < mrefs.length) await postOne(api, mrefs[next++], result);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

/** A load that keeps posting new conversions, `concurrency` at a time, until stopped. */
export interface SteadyLoad {
  /** Closes the current tally and starts a new one; requests are counted in the tally open when they were sent. */
  phase(): LoadResult;
  /** Stops posting and answers the tally of the phase still open, once every request in flight is answered. */
  stop(): Promise<LoadResult>;
}

/** Posts fresh mrefs (`prefix-…`) without pause, each worker waiting for its answer before the next. */
export function steadyLoad(api: ApiClient, prefix: string, concurrency: number): SteadyLoad {
  let current = empty();
  let stopped = false;
  const worker = async () => {
    while (!stopped) await postOne(api, uid(prefix), current);
  };
  const workers = Promise.all(Array.from({ length: concurrency }, worker));
  return {
    phase() {
      const done = current;
      current = empty();
      return done;
    },
    async stop() {
      stopped = true;
      await workers;
      return current;
    },
  };
}

export function merge(...results: LoadResult[]): LoadResult {
  const out = empty();
  for (const r of results) {
    out.acknowledged.push(...r.acknowledged);
    out.refused.push(...r.refused);
    out.refusedWithoutRetryAfter += r.refusedWithoutRetryAfter;
    for (const [k, v] of Object.entries(r.other)) out.other[k] = (out.other[k] ?? 0) + v;
    out.slowestMs = Math.max(out.slowestMs, r.slowestMs);
  }
  return out;
}
