import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConversionStatus } from '@goalpost/contracts';
import { Db } from '../database/db.service';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryWorker } from './delivery.worker';

/**
 * Manual re-sends put deliveries back in the outbox with trigger `manual`. Unless forced, the worker asks
 * Aflite's goals feed first, so a goal Aflite already holds is marked delivered instead of sent twice.
 */
@Injectable()
export class ResendService {
  constructor(
    private readonly db: Db,
    private readonly repo: DeliveryRepository,
    private readonly worker: DeliveryWorker,
  ) {}

  async resendConversions(conversionIds: number[], force = false): Promise<number> {
    const count = await this.db.write((m) => this.requeueWithin(m, conversionIds, force));
    if (count > 0) this.worker.wake();
    return count;
  }

  /** The same re-send inside the caller's transaction (a resend job's chunk); call `wakeWorker` after the commit. */
  requeueWithin(m: EntityManager, conversionIds: number[], force: boolean): Promise<number> {
    return this.repo.requeue(m, conversionIds, force);
  }

  wakeWorker(): void {
    this.worker.wake();
  }

  /** Conversion ids of live deliveries in a status, oldest first. */
  idsByStatus(status: ConversionStatus): Promise<number[]> {
    return this.repo.conversionIdsByStatus(status);
  }
}
