import { Injectable } from '@nestjs/common';
import { In, MoreThanOrEqual } from 'typeorm';
import { ClickEntity } from './click.entity';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import { afterPosition, type KeysetPosition } from '../common/keyset-cursor';
import { prefixMatch, SqlParams } from '../database/sql-params';

/** Reads of recorded clicks for the dashboard; pages are keyset on (last_seen_at, id) descending. */
@Injectable()
export class ClickSearchRepository {
  constructor(private readonly db: Db) {}

  async page(q: string | undefined, after: KeysetPosition | null, limit: number): Promise<ClickEntity[]> {
    const params = new SqlParams(this.db.dialect);
    const where: string[] = [];
    if (q) where.push(prefixMatch('"click_session_id"', q, params));
    if (after) where.push(afterPosition('"last_seen_at"', '"id"', after, (v) => params.add(v)));
    const rows = await this.db.query<{ id: number }>(
      this.db.manager,
      `SELECT "id" FROM "clicks" ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY "last_seen_at" DESC, "id" DESC LIMIT ${params.add(limit)}`,
      params.values,
    );
    const ids = rows.map((r) => Number(r.id));
    const clicks = ids.length ? await this.db.manager.findBy(ClickEntity, { id: In(ids) }) : [];
    const byId = new Map(clicks.map((c) => [c.id, c]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Conversions per clickSessionID, live and test. */
  async conversionCounts(clickSessionIds: string[]): Promise<Map<string, number>> {
    if (clickSessionIds.length === 0) return new Map();
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query<{ click_session_id: string; n: number | string }>(
      this.db.manager,
      `SELECT "click_session_id", COUNT(*) AS "n" FROM "conversions"
       WHERE "click_session_id" IN (${clickSessionIds.map((id) => params.add(id)).join(', ')}) GROUP BY "click_session_id"`,
      params.values,
    );
    return new Map(rows.map((r) => [r.click_session_id, Number(r.n)]));
  }

  findById(id: number): Promise<ClickEntity | null> {
    return this.db.manager.findOneBy(ClickEntity, { id });
  }

  conversionsOf(clickSessionId: string, limit: number): Promise<ConversionEntity[]> {
    return this.db.manager.find(ConversionEntity, { where: { clickSessionId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Whether any click was active between two moments (the "was there a click at all?" question of a sale trace). */
  async anyActiveBetween(from: number, to: number): Promise<boolean> {
    const p = (i: number) => this.db.param(i);
    const rows = await this.db.query(this.db.manager, `SELECT 1 AS "x" FROM "clicks" WHERE "last_seen_at" >= ${p(1)} AND "first_seen_at" <= ${p(2)} LIMIT 1`, [from, to]);
    return rows.length > 0;
  }

  seenSince(since: number, limit: number): Promise<ClickEntity[]> {
    return this.db.manager.find(ClickEntity, { where: { lastSeenAt: MoreThanOrEqual(since) }, order: { lastSeenAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
