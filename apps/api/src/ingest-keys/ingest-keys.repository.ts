import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Db } from '../database/db.service';
import { IngestKeyEntity } from './ingest-key.entity';

export type NewIngestKey = Omit<IngestKeyEntity, 'id'>;

@Injectable()
export class IngestKeysRepository {
  constructor(private readonly db: Db) {}

  create(key: NewIngestKey): Promise<IngestKeyEntity> {
    return this.db.write((m) => m.save(m.create(IngestKeyEntity, key)));
  }

  /** Newest first. */
  list(): Promise<IngestKeyEntity[]> {
    return this.db.manager.find(IngestKeyEntity, { order: { id: 'DESC' } });
  }

  findById(id: number): Promise<IngestKeyEntity | null> {
    return this.db.manager.findOneBy(IngestKeyEntity, { id });
  }

  findActiveByHash(keyHash: string): Promise<IngestKeyEntity | null> {
    return this.db.manager.findOneBy(IngestKeyEntity, { keyHash, revokedAt: IsNull() });
  }

  async revoke(id: number, at: number): Promise<void> {
    await this.db.write((m) => m.update(IngestKeyEntity, { id }, { revokedAt: at }));
  }

  async touch(id: number, at: number): Promise<void> {
    await this.db.write((m) => m.update(IngestKeyEntity, { id }, { lastUsedAt: at }));
  }
}
