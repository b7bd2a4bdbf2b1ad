import { Injectable } from '@nestjs/common';
import type { ClickVia } from '@goalpost/contracts';
import { EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { afterPosition, type KeysetPosition } from '../common/keyset-cursor';
import { ConversionEntity } from '../conversions/conversion.entity';
import { Db } from '../database/db.service';
import { prefixMatch, SqlParams } from '../database/sql-params';
import { ClickEntity } from './click.entity';

/** One click as captured, at the moment it arrived. */
export interface ClickHit {
  clickSessionId: string;
  /** The cookie value this browser gets: a fresh one, or the one it already holds for this same click. */
  token: string;
  via: ClickVia;
  landingUrl?: string | null;
  referrer?: string | null;
  at: number;
}

/** A click as committed, with the token issued to the browser of one hit. */
export interface IssuedClick {
  click: ClickEntity;
  token: string;
}

interface ClickRow {
  id: number;
  click_session_id: string;
  token: string;
  via: ClickVia;
  landing_url: string | null;
  referrer: string | null;
  hits: number;
  first_seen_at: number | string;
  last_seen_at: number | string;
}

/** Recorded clicks. Dashboard pages are keyset on (last_seen_at, id) descending. */
@Injectable()
export class ClicksRepository {
  constructor(private readonly db: Db) {}

  /**
   * One multi-row upsert for a whole batch, inside the caller's transaction. Repeats of a clickSessionID
   * are merged first (PostgreSQL refuses to touch a row twice in one statement); every repeat is answered
   * with the row as committed. Each hit's token is recorded against its click, so every browser holds a
   * token of its own (the click's `token` column keeps the first one issued).
   */
  async upsertMany(manager: EntityManager, hits: ClickHit[]): Promise<IssuedClick[]> {
    const merged = new Map<string, { hit: ClickHit; hits: number; first: number; last: number }>();
    for (const hit of hits) {
      const seen = merged.get(hit.clickSessionId);
      if (seen) {
        seen.hits += 1;
        seen.first = Math.min(seen.first, hit.at);
        seen.last = Math.max(seen.last, hit.at);
      } else {
        merged.set(hit.clickSessionId, { hit, hits: 1, first: hit.at, last: hit.at });
      }
    }
    const params = new SqlParams(this.db.dialect);
    // A stable order keeps overlapping batches (PostgreSQL runs two at once) from locking rows in opposite orders.
    const ordered = [...merged.values()].sort((a, b) => (a.hit.clickSessionId < b.hit.clickSessionId ? -1 : 1));
    const tuples = ordered.map(({ hit, hits, first, last }) =>
      params.row([hit.clickSessionId, hit.token, hit.via, hit.landingUrl ?? null, hit.referrer ?? null, hits, first, last]),
    );
    const rows = await this.db.query<ClickRow>(
      manager,
      `INSERT INTO "clicks" ("click_session_id", "token", "via", "landing_url", "referrer", "hits", "first_seen_at", "last_seen_at")
       VALUES ${tuples.join(', ')}
       ON CONFLICT ("click_session_id") DO UPDATE SET "hits" = "clicks"."hits" + excluded."hits", "last_seen_at" = excluded."last_seen_at"
       RETURNING *`,
      params.values,
    );
    const bySession = new Map(rows.map((row) => [row.click_session_id, toEntity(row)]));
    const issued = hits.map((hit) => {
      const click = bySession.get(hit.clickSessionId);
      if (!click) throw new Error(`Click upsert returned no row for a clickSessionID of the batch`);
      return { click, token: hit.token };
    });
    await this.recordTokens(manager, issued, hits);
    return issued;
  }

  async upsert(manager: EntityManager, hit: ClickHit): Promise<IssuedClick> {
    const [issued] = await this.upsertMany(manager, [hit]);
    return issued;
  }

  /** A token a browser already held for the same click is there already: DO NOTHING keeps it as it was. */
  private async recordTokens(manager: EntityManager, issued: IssuedClick[], hits: ClickHit[]): Promise<void> {
    const byToken = new Map(issued.map(({ click, token }, i) => [token, { clickId: click.id, at: hits[i].at }]));
    const params = new SqlParams(this.db.dialect);
    const tuples = [...byToken].map(([token, { clickId, at }]) => params.row([token, clickId, at]));
    await this.db.query(
      manager,
      `INSERT INTO "click_tokens" ("token", "click_id", "created_at") VALUES ${tuples.join(', ')} ON CONFLICT ("token") DO NOTHING`,
      params.values,
    );
  }

  /** The click a browser's cookie value was issued for. */
  async findByToken(token: string): Promise<ClickEntity | null> {
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query<ClickRow>(
      this.db.manager,
      `SELECT "clicks".* FROM "click_tokens" JOIN "clicks" ON "clicks"."id" = "click_tokens"."click_id" WHERE "click_tokens"."token" = ${params.add(token)}`,
      params.values,
    );
    return rows.length ? toEntity(rows[0]) : null;
  }

  findBySessionId(clickSessionId: string): Promise<ClickEntity | null> {
    return this.db.manager.findOneBy(ClickEntity, { clickSessionId });
  }

  findById(id: number): Promise<ClickEntity | null> {
    return this.db.manager.findOneBy(ClickEntity, { id });
  }

  /** `q` matches a clickSessionID or its start. */
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

  /** The click's conversions, newest first (read here: the conversions feature builds on clicks, not the other way). */
  conversionsOf(clickSessionId: string, limit: number): Promise<ConversionEntity[]> {
    return this.db.manager.find(ConversionEntity, { where: { clickSessionId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Whether any click was active between two moments (the "was there a click at all?" question of a sale trace). */
  async anyActiveBetween(from: number, to: number): Promise<boolean> {
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query(
      this.db.manager,
      `SELECT 1 AS "x" FROM "clicks" WHERE "last_seen_at" >= ${params.add(from)} AND "first_seen_at" <= ${params.add(to)} LIMIT 1`,
      params.values,
    );
    return rows.length > 0;
  }

  seenSince(since: number, limit: number): Promise<ClickEntity[]> {
    return this.db.manager.find(ClickEntity, { where: { lastSeenAt: MoreThanOrEqual(since) }, order: { lastSeenAt: 'DESC', id: 'DESC' }, take: limit });
  }
}

function toEntity(row: ClickRow): ClickEntity {
  return Object.assign(new ClickEntity(), {
    id: row.id,
    clickSessionId: row.click_session_id,
    token: row.token,
    via: row.via,
    landingUrl: row.landing_url,
    referrer: row.referrer,
    hits: row.hits,
    firstSeenAt: Number(row.first_seen_at),
    lastSeenAt: Number(row.last_seen_at),
  });
}
