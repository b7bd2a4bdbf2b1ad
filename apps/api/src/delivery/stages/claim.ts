import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.service';
import type { Settings } from '../../settings/settings.types';
import { ClaimedDelivery, DeliveryRepository, type Lease } from '../delivery.repository';
import { planFirstCall, type PlannedCall } from './plan-first-call';

export interface ClaimInput {
  owner: string;
  now: number;
  limit: number;
  leaseMs: number;
  /** Read once per claim: every delivery of the batch is planned on the same settings. */
  settings: Settings;
}

/** A leased delivery and its first call, whose attempt row is committed as in flight; null: nothing to call yet. */
export interface PlannedDelivery extends ClaimedDelivery {
  lease: Lease;
  first: (PlannedCall & { attemptId: number }) | null;
}

/**
 * Leases due deliveries and records each one's first call as in flight, in one transaction: committed
 * before any request leaves, at one commit per claimed batch instead of one per delivery (SQLite has a
 * single write path, shared with ingest).
 */
@Injectable()
export class ClaimStage {
  constructor(
    private readonly db: Db,
    private readonly repo: DeliveryRepository,
  ) {}

  run(input: ClaimInput): Promise<PlannedDelivery[]> {
    return this.db.write(async (m) => {
      const claimed = await this.repo.claim(m, input);
      if (claimed.length === 0) return [];
      const plannedAt = Date.now();
      const calls = claimed.map((item) => planFirstCall(item, input.settings, plannedAt));
      const recorded = claimed.flatMap((item, i) => {
        const call = calls[i];
        return call ? [{ deliveryId: item.delivery.id, attempt: call.attempt }] : [];
      });
      const attemptIds = await this.repo.recordAttempts(m, recorded, input.now);
      let next = 0;
      return claimed.map((item, i) => {
        const call = calls[i];
        return { ...item, lease: { deliveryId: item.delivery.id, owner: input.owner }, first: call ? { ...call, attemptId: attemptIds[next++] } : null };
      });
    });
  }
}
