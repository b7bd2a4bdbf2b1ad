import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectSql } from './dialect';

/**
 * The history's search matches the start of an mref or clickSessionID whatever its case: indexes on the
 * lower-cased columns serve it (caseInsensitivePrefixMatch in sql-params.ts). On PostgreSQL they replace the
 * case-sensitive prefix indexes of the conversions, which nothing else searches with.
 */
export class CaseInsensitiveSearch1732850000000 implements MigrationInterface {
  name = 'CaseInsensitiveSearch1732850000000';

  async up(q: QueryRunner): Promise<void> {
    const sql = dialectSql(q);
    await q.query(`CREATE INDEX "ix_conversions_mref_lower" ON "conversions" (lower("mref")${sql.textPatternOps})`);
    await q.query(`CREATE INDEX "ix_conversions_click_session_lower" ON "conversions" (lower("click_session_id")${sql.textPatternOps})`);
    if (sql.dialect === 'postgres') {
      await q.query(`DROP INDEX "ix_conversions_mref_prefix"`);
      await q.query(`DROP INDEX "ix_conversions_click_session_prefix"`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (dialectSql(q).dialect === 'postgres') {
      await q.query(`CREATE INDEX "ix_conversions_mref_prefix" ON "conversions" ("mref" varchar_pattern_ops)`);
      await q.query(`CREATE INDEX "ix_conversions_click_session_prefix" ON "conversions" ("click_session_id" varchar_pattern_ops)`);
    }
    await q.query(`DROP INDEX "ix_conversions_click_session_lower"`);
    await q.query(`DROP INDEX "ix_conversions_mref_lower"`);
  }
}
