import { Injectable } from '@nestjs/common';
import type { AuditEntryResponse, AuditListResponse } from '@goalpost/contracts';
import type { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';

export type AuditAction =
  | 'admin.setup'
  | 'admin.password-change'
  | 'admin.password-reset'
  | 'session.sign-in'
  | 'session.sign-out'
  | 'settings.update'
  | 'settings.environment'
  | 'goal.create'
  | 'goal.update'
  | 'ingest-key.create'
  | 'ingest-key.revoke'
  | 'delivery.resend'
  | 'resend-job.start'
  | 'tracking.cross-site-clear';

export interface AuditInput {
  actor: string;
  action: AuditAction;
  target?: string | null;
  /** Field names and safe values; callers put "(changed)" in place of any secret. */
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  /** Inside the caller's transaction when given one, so the entry commits with the change it describes. */
  async record(input: AuditInput, manager?: EntityManager): Promise<void> {
    await this.entries.insert(
      {
        at: Date.now(),
        actor: input.actor.slice(0, 254),
        action: input.action,
        target: input.target?.slice(0, 255) ?? null,
        details: JSON.stringify(input.details ?? {}),
      },
      manager,
    );
  }

  /** Newest first; `cursor` is the id of the last entry of the previous page. */
  async list(cursor: number | undefined, limit: number): Promise<AuditListResponse> {
    const rows = await this.entries.page(cursor, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map((r) => this.map(r)), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
  }

  private map(r: AuditEntryEntity): AuditEntryResponse {
    return {
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: JSON.parse(r.details) as Record<string, unknown>,
    };
  }
}
