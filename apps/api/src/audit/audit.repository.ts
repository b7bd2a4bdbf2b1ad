import { Injectable } from '@nestjs/common';
import { EntityManager, LessThan } from 'typeorm';
import { Db } from '../database/db.service';
import { AuditEntryEntity } from './audit-entry.entity';

export type NewAuditEntry = Omit<AuditEntryEntity, 'id'>;

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Inside the caller's transaction when given one, else in a write of its own. */
  async insert(entry: NewAuditEntry, manager?: EntityManager): Promise<void> {
    if (manager) await manager.insert(AuditEntryEntity, entry);
    else await this.db.write((m) => m.insert(AuditEntryEntity, entry));
  }

  /** Up to `limit` entries before the entry `beforeId` (from the newest without it), newest first. */
  page(beforeId: number | undefined, limit: number): Promise<AuditEntryEntity[]> {
    return this.db.manager.find(AuditEntryEntity, { where: beforeId ? { id: LessThan(beforeId) } : {}, order: { id: 'DESC' }, take: limit });
  }
}
