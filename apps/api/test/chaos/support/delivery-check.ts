import type { ApiClient } from '../../integration/harness/api-client';
import type { SandboxClient } from '../../integration/harness/sandbox-client';
import { GOAL_ID } from '../../integration/harness/stack';
import { waitFor } from '../../integration/harness/wait-for';

/** Where every acknowledged conversion ended up, once delivery has drained. */
export interface DeliveryTally {
  acknowledged: number;
  /** Acknowledged but not in the database: lost. */
  lost: string[];
  /** Stored, but not delivered. */
  undelivered: string[];
  /** Acknowledged mrefs Aflite holds exactly once. */
  deliveredOnce: number;
  /** Any mref Aflite holds more than once (acknowledged or not). */
  duplicates: string[];
}

/**
 * Waits until no delivery is pending, then reads each acknowledged conversion back the way a merchant's server
 * can (posting it again answers the stored record) and compares with what the sandbox Aflite holds.
 */
export async function tallyDeliveries(api: ApiClient, sandbox: SandboxClient, acknowledged: string[], timeoutMs = 120_000): Promise<DeliveryTally> {
  await waitFor(
    async () => {
      const health = await api.health();
      if (health.worker.pending !== 0) throw new Error(`${health.worker.pending} deliveries still pending`);
    },
    timeoutMs,
    500,
  );
  const lost: string[] = [];
  const undelivered: string[] = [];
  for (let i = 0; i < acknowledged.length; i += 50) {
    await Promise.all(
      acknowledged.slice(i, i + 50).map(async (mref) => {
        const res = await api.postConversion({ goalId: GOAL_ID, mref });
        if (res.status === 201) lost.push(mref);
        else if (res.json<{ status: string }>().status !== 'delivered') undelivered.push(mref);
      }),
    );
  }
  const report = await sandbox.report();
  return {
    acknowledged: acknowledged.length,
    lost,
    undelivered,
    deliveredOnce: acknowledged.filter((mref) => report.perMref[mref] === 1).length,
    duplicates: report.duplicates,
  };
}

export function describeTally(t: DeliveryTally): string {
  return `acknowledged ${t.acknowledged}, lost ${t.lost.length}, undelivered ${t.undelivered.length}, delivered once ${t.deliveredOnce}, duplicates ${t.duplicates.length}`;
}
