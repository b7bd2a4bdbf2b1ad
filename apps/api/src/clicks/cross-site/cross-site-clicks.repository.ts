import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.service';
import { SqlParams, sqlInt } from '../../database/sql-params';
import { CrossSiteClickEntity } from './cross-site-click.entity';

export interface CrossSiteCount {
  pageSite: string;
  goalpostSite: string;
  lastOrigin: string;
  clicks: number;
  at: number;
}

/** One row per cross-site page site; the number of sites kept is capped, so forged Referers cannot grow the table. */
@Injectable()
export class CrossSiteClicksRepository {
  constructor(private readonly db: Db) {}

  /** Adds clicks to the site's row; a site not yet kept is added only while fewer than `maxSites` are. */
  async add(count: CrossSiteCount, maxSites: number): Promise<void> {
    const params = new SqlParams(this.db.dialect);
    const site = params.add(count.pageSite);
    const at = sqlInt(count.at);
    // PostgreSQL types a bare placeholder in a SELECT list as text, and $1 is compared with a varchar as well.
    const text = (placeholder: string) => `CAST(${placeholder} AS varchar)`;
    // The WHERE also keeps SQLite from reading ON CONFLICT as part of the SELECT.
    const sql = `INSERT INTO "cross_site_clicks" ("page_site", "goalpost_site", "last_origin", "clicks", "first_seen_at", "last_seen_at")
      SELECT ${text(site)}, ${text(params.add(count.goalpostSite))}, ${text(params.add(count.lastOrigin))}, ${sqlInt(count.clicks)}, ${at}, ${at}
      WHERE (SELECT COUNT(*) FROM "cross_site_clicks") < ${sqlInt(maxSites)} OR EXISTS (SELECT 1 FROM "cross_site_clicks" WHERE "page_site" = ${site})
      ON CONFLICT ("page_site") DO UPDATE SET "clicks" = "cross_site_clicks"."clicks" + excluded."clicks",
        "goalpost_site" = excluded."goalpost_site", "last_origin" = excluded."last_origin", "last_seen_at" = excluded."last_seen_at"`;
    await this.db.write((manager) => this.db.query(manager, sql, params.values));
  }

  /** Most recently seen first. */
  latest(limit: number): Promise<CrossSiteClickEntity[]> {
    return this.db.manager.find(CrossSiteClickEntity, { order: { lastSeenAt: 'DESC' }, take: limit });
  }

  /** Deletes every row; `alongside` (an audit entry) commits in the same transaction. */
  async clear(alongside?: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.db.write(async (manager) => {
      await this.db.query(manager, `DELETE FROM "cross_site_clicks"`);
      await alongside?.(manager);
    });
  }
}
