import { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectSql } from './dialect';

export class Initial1732400000000 implements MigrationInterface {
  name = 'Initial1732400000000';

  async up(q: QueryRunner): Promise<void> {
    const sql = dialectSql(q);
    await q.query(`CREATE TABLE "clicks" (
      "id" ${sql.autoIncrementPrimaryKey},
      "click_session_id" varchar(128) NOT NULL,
      "token" varchar(64) NOT NULL,
      "via" varchar(16) NOT NULL,
      "landing_url" varchar(2048),
      "referrer" varchar(2048),
      "hits" integer NOT NULL DEFAULT 1,
      "first_seen_at" bigint NOT NULL,
      "last_seen_at" bigint NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX "ux_clicks_session" ON "clicks" ("click_session_id")`);
    await q.query(`CREATE UNIQUE INDEX "ux_clicks_token" ON "clicks" ("token")`);
    await q.query(`CREATE INDEX "ix_clicks_last_seen" ON "clicks" ("last_seen_at", "id")`);

    await q.query(`CREATE TABLE "goals" (
      "id" ${sql.autoIncrementPrimaryKey},
      "aflite_goal_id" varchar(64) NOT NULL,
      "name" varchar(120) NOT NULL,
      "default_value_minor" integer,
      "allow_browser" boolean NOT NULL DEFAULT ${sql.false},
      "enabled" boolean NOT NULL DEFAULT ${sql.true},
      "created_at" bigint NOT NULL,
      "updated_at" bigint NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX "ux_goals_aflite_id" ON "goals" ("aflite_goal_id")`);

    await q.query(`CREATE TABLE "conversions" (
      "id" ${sql.autoIncrementPrimaryKey},
      "goal_id" integer NOT NULL REFERENCES "goals" ("id"),
      "aflite_goal_id" varchar(64) NOT NULL,
      "mref" varchar(128) NOT NULL,
      "value_minor" integer NOT NULL,
      "click_session_id" varchar(128),
      "click_id" integer REFERENCES "clicks" ("id"),
      "attribution" varchar(16) NOT NULL,
      "source" varchar(16) NOT NULL,
      "status" varchar(16) NOT NULL,
      "is_test" boolean NOT NULL DEFAULT ${sql.false},
      "created_at" bigint NOT NULL,
      "delivered_at" bigint)`);
    await q.query(`CREATE UNIQUE INDEX "ux_conversions_live_mref" ON "conversions" ("goal_id", "mref") WHERE "is_test" = ${sql.false}`);
    await q.query(`CREATE INDEX "ix_conversions_created" ON "conversions" ("created_at", "id")`);
    await q.query(`CREATE INDEX "ix_conversions_status_created" ON "conversions" ("status", "created_at", "id")`);
    await q.query(`CREATE INDEX "ix_conversions_goal_created" ON "conversions" ("goal_id", "created_at", "id")`);
    await q.query(`CREATE INDEX "ix_conversions_mref" ON "conversions" ("mref")`);
    await q.query(`CREATE INDEX "ix_conversions_click_session" ON "conversions" ("click_session_id")`);

    await q.query(`CREATE TABLE "deliveries" (
      "id" ${sql.autoIncrementPrimaryKey},
      "conversion_id" integer NOT NULL REFERENCES "conversions" ("id"),
      "state" varchar(16) NOT NULL,
      "attempt_count" integer NOT NULL DEFAULT 0,
      "next_attempt_at" bigint NOT NULL,
      "lease_owner" varchar(64),
      "lease_until" bigint,
      "needs_reconcile" boolean NOT NULL DEFAULT ${sql.false},
      "force_send" boolean NOT NULL DEFAULT ${sql.false},
      "next_trigger" varchar(16) NOT NULL DEFAULT 'auto',
      "last_error" varchar(500),
      "reconciled" boolean NOT NULL DEFAULT ${sql.false},
      "created_at" bigint NOT NULL,
      "updated_at" bigint NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX "ux_deliveries_conversion" ON "deliveries" ("conversion_id")`);
    await q.query(`CREATE INDEX "ix_deliveries_due" ON "deliveries" ("state", "next_attempt_at")`);

    await q.query(`CREATE TABLE "delivery_attempts" (
      "id" ${sql.autoIncrementPrimaryKey},
      "conversion_id" integer NOT NULL REFERENCES "conversions" ("id"),
      "kind" varchar(16) NOT NULL,
      "trigger" varchar(16) NOT NULL,
      "method" varchar(8) NOT NULL,
      "url" varchar(2048) NOT NULL,
      "params" text NOT NULL,
      "status_code" integer,
      "response_headers" text,
      "response_body" text,
      "error_code" varchar(64),
      "outcome" varchar(16) NOT NULL,
      "reason" varchar(500),
      "duration_ms" integer,
      "started_at" bigint NOT NULL)`);
    await q.query(`CREATE INDEX "ix_attempts_conversion" ON "delivery_attempts" ("conversion_id", "id")`);

    await q.query(`CREATE TABLE "ingest_keys" (
      "id" ${sql.autoIncrementPrimaryKey},
      "name" varchar(100) NOT NULL,
      "prefix" varchar(16) NOT NULL,
      "key_hash" varchar(64) NOT NULL,
      "created_at" bigint NOT NULL,
      "last_used_at" bigint,
      "revoked_at" bigint)`);
    await q.query(`CREATE UNIQUE INDEX "ux_ingest_keys_hash" ON "ingest_keys" ("key_hash")`);

    await q.query(`CREATE TABLE "settings" (
      "key" varchar(64) PRIMARY KEY NOT NULL,
      "value" text NOT NULL,
      "updated_at" bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['settings', 'ingest_keys', 'delivery_attempts', 'deliveries', 'conversions', 'goals', 'clicks']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
