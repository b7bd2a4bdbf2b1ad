import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A cookie token per browser rather than one per click; the tokens already given out keep working. */
export class ClickTokens1732720000000 implements MigrationInterface {
  name = 'ClickTokens1732720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "click_tokens" (
      "token" varchar(64) NOT NULL PRIMARY KEY,
      "click_id" integer NOT NULL REFERENCES "clicks" ("id"),
      "created_at" bigint NOT NULL)`);
    await q.query(`INSERT INTO "click_tokens" ("token", "click_id", "created_at") SELECT "token", "id", "first_seen_at" FROM "clicks"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "click_tokens"`);
  }
}
