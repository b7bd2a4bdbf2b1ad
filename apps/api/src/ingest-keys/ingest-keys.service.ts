import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { IngestKeyEntity } from './ingest-key.entity';
import { IngestKeysRepository } from './ingest-keys.repository';

const KEY_PREFIX = 'gpk_';
/** Verified keys are cached briefly: a revocation reaches other instances within this time. */
const CACHE_MS = 30_000;
/** last_used_at is a hint for the merchant, not an audit trail: written at most this often per key. */
const TOUCH_MS = 60_000;

export interface IngestKeySummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface CreatedIngestKey extends IngestKeySummary {
  /** The full key, returned once and never stored. */
  key: string;
}

export function hashIngestKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class IngestKeysService {
  private readonly cache = new Map<string, { id: number; at: number; touchedAt: number }>();

  constructor(private readonly keys: IngestKeysRepository) {}

  async create(name: string): Promise<CreatedIngestKey> {
    const key = KEY_PREFIX + randomBytes(24).toString('base64url');
    const entity = await this.keys.create({
      name,
      prefix: key.slice(0, 12),
      keyHash: hashIngestKey(key),
      createdAt: Date.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return { ...this.map(entity), key };
  }

  async list(): Promise<IngestKeySummary[]> {
    return (await this.keys.list()).map((k) => this.map(k));
  }

  async revoke(id: number): Promise<IngestKeySummary> {
    const entity = await this.keys.findById(id);
    if (!entity) throw new DomainError(DomainErrorCode.NotFound, `Ingest key ${id} does not exist`, 'id');
    if (!entity.revokedAt) {
      entity.revokedAt = Date.now();
      await this.keys.revoke(id, entity.revokedAt);
    }
    this.cache.clear();
    return this.map(entity);
  }

  /** Returns the key's id, or throws the 401 the caller should see. */
  async verify(key: string | undefined): Promise<number> {
    if (!key) throw new DomainError(DomainErrorCode.MissingIngestKey, 'An ingest key is required (Authorization: Bearer <key>)', 'authorization');
    const hash = hashIngestKey(key);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && now - hit.at < CACHE_MS) {
      if (now - hit.touchedAt > TOUCH_MS) this.touch(hit.id, hit, now);
      return hit.id;
    }
    const entity = await this.keys.findActiveByHash(hash);
    if (!entity) throw new DomainError(DomainErrorCode.InvalidIngestKey, 'The ingest key is not valid or has been revoked', 'authorization');
    const entry = { id: entity.id, at: now, touchedAt: 0 };
    this.cache.set(hash, entry);
    this.touch(entity.id, entry, now);
    return entity.id;
  }

  private touch(id: number, entry: { touchedAt: number }, now: number): void {
    entry.touchedAt = now;
    void this.keys.touch(id, now).catch(() => undefined);
  }

  private map(k: IngestKeyEntity): IngestKeySummary {
    return { id: k.id, name: k.name, prefix: k.prefix, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
  }
}
