import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { ConversionStatus } from '@goalpost/contracts';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import { DeliveryEntity } from './delivery.entity';
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
  async requeueWithin(m: EntityManager, conversionIds: number[], force: boolean): Promise<number> {
    const deliveries = await m.findBy(DeliveryEntity, { conversionId: In(conversionIds) });
    return this.repo.requeue(
      m,
      deliveries.map((d) => d.id),
      force,
    );
  }

  wakeWorker(): void {
    this.worker.wake();
  }

  /** Conversion ids of live deliveries in a status, oldest first. */
  async idsByStatus(status: ConversionStatus): Promise<number[]> {
    const rows = await this.db.manager.find(ConversionEntity, { select: { id: true }, where: { status, isTest: false }, order: { id: 'ASC' } });
    return rows.map((r) => r.id);
  }
}
