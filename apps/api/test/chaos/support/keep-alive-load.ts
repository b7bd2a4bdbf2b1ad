import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { GOAL_ID } from '../../integration/harness/stack';

/** One conversion a merchant's server sent, and what became of it; times are performance.now() of this process. */
export interface SentConversion {
  mref: string;
  sentAt: number;
  answeredAt: number;
  /** acknowledged: 200/201, Goalpost promised it is stored; refused: 503, nothing promised. */
  result: 'acknowledged' | 'refused' | 'other-status' | 'connection-error';
  /** The status, or the error code of a broken connection. */
  detail: string;
  retryAfter: boolean;
}

/**
 * A merchant's order system posting conversions as fast as Goalpost answers: `connections` keep-alive
 * connections (one undici Pool), one request at a time on each, each with a fresh mref, until `until`
 * settles (say, the api process exiting).
 */
export async function postUntil(url: string, ingestKey: string, connections: number, until: Promise<unknown>, prefix: string): Promise<SentConversion[]> {
  const pool = new Pool(url, { connections, pipelining: 1, keepAliveTimeout: 30_000, connect: { timeout: 5_000 } });
  const sent: SentConversion[] = [];
  let done = false;
  void until.finally(() => (done = true));
  let seq = 0;
  const loop = async () => {
    while (!done) {
      const mref = `${prefix}-${(seq++).toString(36)}`;
      const sentAt = performance.now();
      const body = JSON.stringify({ goalId: GOAL_ID, mref, value: '12.50', clickSessionID: `cs-${mref}` });
      try {
        const res = await pool.request({
          path: '/api/v1/conversions',
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestKey}` },
          body,
        });
        await res.body.text();
        const status = res.statusCode;
        const result = status === 200 || status === 201 ? 'acknowledged' : status === 503 ? 'refused' : 'other-status';
        sent.push({ mref, sentAt, answeredAt: performance.now(), result, detail: String(status), retryAfter: res.headers['retry-after'] !== undefined });
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'error';
        sent.push({ mref, sentAt, answeredAt: performance.now(), result: 'connection-error', detail: code, retryAfter: false });
        // The server is gone or going: try again at once, as a merchant's queue would, but do not spin.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  await pool.destroy();
  return sent;
}

/** Counts by a key, for figures. */
export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}
