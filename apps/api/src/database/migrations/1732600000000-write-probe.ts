import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row that /health rewrites to learn whether the database takes writes (after a disk-full, say). */
export class WriteProbe1732600000000 implements MigrationInterface {
  name = 'WriteProbe1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "write_probe" ("id" integer NOT NULL PRIMARY KEY, "at" bigint NOT NULL)`);
    await q.query(`INSERT INTO "write_probe" ("id", "at") VALUES (1, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "write_probe"`);
  }
}
