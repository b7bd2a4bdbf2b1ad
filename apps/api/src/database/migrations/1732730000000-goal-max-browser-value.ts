import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The most a browser may say a goal is worth; NULL derives the cap from the goal's default value. */
export class GoalMaxBrowserValue1732730000000 implements MigrationInterface {
  name = 'GoalMaxBrowserValue1732730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "goals" ADD COLUMN "max_browser_value_minor" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "goals" DROP COLUMN "max_browser_value_minor"`);
  }
}
