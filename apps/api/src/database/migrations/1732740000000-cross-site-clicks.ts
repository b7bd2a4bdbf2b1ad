import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sites whose pages send clicks that Goalpost's cookie cannot reach, for the dashboard and /health. */
export class CrossSiteClicks1732740000000 implements MigrationInterface {
  name = 'CrossSiteClicks1732740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "cross_site_clicks" (
      "page_site" varchar(253) NOT NULL PRIMARY KEY,
      "goalpost_site" varchar(512) NOT NULL,
      "last_origin" varchar(512) NOT NULL,
      "clicks" integer NOT NULL,
      "first_seen_at" bigint NOT NULL,
      "last_seen_at" bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "cross_site_clicks"`);
  }
}
