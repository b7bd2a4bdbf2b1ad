import { Injectable } from '@nestjs/common';
import type { CreatedIngestKeyResponse, IngestKeyResponse } from '@goalpost/contracts';
import { AuditService } from '../audit/audit.service';
import { IngestKeysService, type IngestKeySummary } from './ingest-keys.service';
import { toIso } from '../database/sql-params';

@Injectable()
export class IngestKeysAdminService {
  constructor(
    private readonly keys: IngestKeysService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<IngestKeyResponse[]> {
    return (await this.keys.list()).map(map);
  }

  /** The full key is in this answer only; Goalpost keeps its hash. */
  async create(name: string, actor: string): Promise<CreatedIngestKeyResponse> {
    const created = await this.keys.create(name);
    await this.audit.record({
      actor,
      action: 'ingest-key.create',
      target: `ingest key ${created.id}`,
      details: { name: created.name, prefix: created.prefix },
    });
    return { ...map(created), key: created.key };
  }

  async revoke(id: number, actor: string): Promise<IngestKeyResponse> {
    const revoked = await this.keys.revoke(id);
    await this.audit.record({ actor, action: 'ingest-key.revoke', target: `ingest key ${id}`, details: { name: revoked.name, prefix: revoked.prefix } });
    return map(revoked);
  }
}

function map(k: IngestKeySummary): IngestKeyResponse {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: new Date(k.createdAt).toISOString(),
    lastUsedAt: toIso(k.lastUsedAt),
    revokedAt: toIso(k.revokedAt),
  };
}
