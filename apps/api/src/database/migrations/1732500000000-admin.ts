import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectSql } from './dialect';

export class Admin1732500000000 implements MigrationInterface {
  name = 'Admin1732500000000';

  async up(q: QueryRunner): Promise<void> {
    const sql = dialectSql(q);
    await q.query(`CREATE TABLE "admin_users" (
      "id" ${sql.autoIncrementPrimaryKey},
      "email" varchar(254) NOT NULL,
      "password_hash" varchar(255) NOT NULL,
      "created_at" bigint NOT NULL,
      "updated_at" bigint NOT NULL,
      "last_sign_in_at" bigint)`);
    await q.query(`CREATE UNIQUE INDEX "ux_admin_users_email" ON "admin_users" ("email")`);

    await q.query(`CREATE TABLE "admin_sessions" (
      "id" ${sql.autoIncrementPrimaryKey},
      "token_hash" varchar(64) NOT NULL,
      "user_id" integer NOT NULL REFERENCES "admin_users" ("id"),
      "csrf_token" varchar(64) NOT NULL,
      "created_at" bigint NOT NULL,
      "last_seen_at" bigint NOT NULL,
      "expires_at" bigint NOT NULL,
      "ip" varchar(64),
      "user_agent" varchar(255))`);
    await q.query(`CREATE UNIQUE INDEX "ux_admin_sessions_token" ON "admin_sessions" ("token_hash")`);
    await q.query(`CREATE INDEX "ix_admin_sessions_expires" ON "admin_sessions" ("expires_at")`);

    await q.query(`CREATE TABLE "sign_in_failures" (
      "id" ${sql.autoIncrementPrimaryKey},
      "key_hash" varchar(64) NOT NULL,
      "failed_at" bigint NOT NULL)`);
    await q.query(`CREATE INDEX "ix_sign_in_failures_key" ON "sign_in_failures" ("key_hash", "failed_at")`);
    await q.query(`CREATE INDEX "ix_sign_in_failures_at" ON "sign_in_failures" ("failed_at")`);

    await q.query(`CREATE TABLE "audit_log" (
      "id" ${sql.autoIncrementPrimaryKey},
      "at" bigint NOT NULL,
      "actor" varchar(254) NOT NULL,
      "action" varchar(64) NOT NULL,
      "target" varchar(255),
      "details" text NOT NULL)`);

    await q.query(`CREATE TABLE "resend_jobs" (
      "id" ${sql.autoIncrementPrimaryKey},
      "state" varchar(16) NOT NULL,
      "filter" text NOT NULL,
      "force" boolean NOT NULL DEFAULT ${sql.false},
      "total" integer NOT NULL,
      "queued" integer NOT NULL DEFAULT 0,
      "cursor_conversion_id" integer NOT NULL DEFAULT 0,
      "created_by" varchar(254) NOT NULL,
      "created_at" bigint NOT NULL,
      "finished_at" bigint,
      "error" varchar(500),
      "owner" varchar(64),
      "heartbeat_at" bigint)`);
    await q.query(`CREATE INDEX "ix_resend_jobs_state" ON "resend_jobs" ("state", "heartbeat_at")`);

    await q.query(`CREATE TABLE "resend_job_items" (
      "job_id" integer NOT NULL REFERENCES "resend_jobs" ("id"),
      "conversion_id" integer NOT NULL REFERENCES "conversions" ("id"),
      PRIMARY KEY ("job_id", "conversion_id"))`);

    // The live/test filter of the history, and the overview's totals: status and value ride along so the
    // overview's scan never leaves the index.
    await q.query(`CREATE INDEX "ix_conversions_test_created" ON "conversions" ("is_test", "created_at", "id", "status", "value_minor")`);
    // Clicks over time on the overview.
    await q.query(`CREATE INDEX "ix_clicks_first_seen" ON "clicks" ("first_seen_at")`);
    if (sql.dialect === 'postgres') {
      // Prefix search (LIKE 'abc%') on mref and clickSessionID under any database collation. SQLite searches
      // prefixes as a binary range (prefixMatch in sql-params.ts), which the plain indexes already serve.
      await q.query(`CREATE INDEX "ix_conversions_mref_prefix" ON "conversions" ("mref" varchar_pattern_ops)`);
      await q.query(`CREATE INDEX "ix_conversions_click_session_prefix" ON "conversions" ("click_session_id" varchar_pattern_ops)`);
      await q.query(`CREATE INDEX "ix_clicks_session_prefix" ON "clicks" ("click_session_id" varchar_pattern_ops)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const prefixIndexes =
      dialectSql(q).dialect === 'postgres' ? ['ix_clicks_session_prefix', 'ix_conversions_click_session_prefix', 'ix_conversions_mref_prefix'] : [];
    for (const index of [...prefixIndexes, 'ix_clicks_first_seen', 'ix_conversions_test_created']) {
      await q.query(`DROP INDEX "${index}"`);
    }
    for (const table of ['resend_job_items', 'resend_jobs', 'audit_log', 'sign_in_failures', 'admin_sessions', 'admin_users']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
