import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditEntryResponse, AuditListResponse } from '@goalpost/contracts';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { Db } from '../database/db.service';
import { AuditEntryEntity } from './audit-entry.entity';

export type AuditAction =
  | 'admin.setup'
  | 'session.sign-in'
  | 'session.sign-out'
  | 'settings.update'
  | 'goal.create'
  | 'goal.update'
  | 'ingest-key.create'
  | 'ingest-key.revoke'
  | 'delivery.resend'
  | 'resend-job.start';

export interface AuditInput {
  actor: string;
  action: AuditAction;
  target?: string | null;
  /** Field names and safe values; callers put "(changed)" in place of any secret. */
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly repo: Repository<AuditEntryEntity>,
    private readonly db: Db,
  ) {}

  /** Inside the caller's transaction when given one, so the entry commits with the change it describes. */
  async record(input: AuditInput, manager?: EntityManager): Promise<void> {
    const row = {
      at: Date.now(),
      actor: input.actor.slice(0, 254),
      action: input.action,
      target: input.target?.slice(0, 255) ?? null,
      details: JSON.stringify(input.details ?? {}),
    };
    if (manager) await manager.insert(AuditEntryEntity, row);
    else await this.db.write((m) => m.insert(AuditEntryEntity, row));
  }

  /** Newest first; `cursor` is the id of the last entry of the previous page. */
  async list(cursor: number | undefined, limit: number): Promise<AuditListResponse> {
    const rows = await this.repo.find({ where: cursor ? { id: LessThan(cursor) } : {}, order: { id: 'DESC' }, take: limit + 1 });
    const page = rows.slice(0, limit);
    return { items: page.map((r) => this.map(r)), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
  }

  private map(r: AuditEntryEntity): AuditEntryResponse {
    return { id: r.id, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, target: r.target, details: JSON.parse(r.details) as Record<string, unknown> };
  }
}
