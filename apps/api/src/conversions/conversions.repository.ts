import { Injectable } from '@nestjs/common';
import type { Attribution, ConversionSource, ConversionStatus } from '@goalpost/contracts';
import { EntityManager } from 'typeorm';
import { Db } from '../database/db.service';
import { SqlParams } from '../database/sql-params';
import { GoalEntity } from '../goals/goal.entity';
import { ConversionEntity } from './conversion.entity';

/** A validated conversion on its way into the database. */
export interface NewConversion {
  goal: GoalEntity;
  mref: string;
  valueMinor: number;
  clickSessionId: string | null;
  /** `undefined`: not looked up yet; resolved from clickSessionId inside the write transaction. */
  clickId?: number | null;
  attribution: Attribution;
  source: ConversionSource;
  at: number;
}

export interface WrittenConversion {
  conversion: ConversionEntity;
  duplicate: boolean;
}

interface ConversionRow {
  id: number;
  goal_id: number;
  aflite_goal_id: string;
  mref: string;
  value_minor: number;
  click_session_id: string | null;
  click_id: number | null;
  attribution: Attribution;
  source: ConversionSource;
  status: ConversionStatus;
  is_test: boolean | number;
  created_at: number | string;
  delivered_at: number | string | null;
}

const CONVERSION_COLUMNS = [
  'goal_id',
  'aflite_goal_id',
  'mref',
  'value_minor',
  'click_session_id',
  'click_id',
  'attribution',
  'source',
  'status',
  'is_test',
  'created_at',
  'delivered_at',
];
const CLICK_ID_INDEX = CONVERSION_COLUMNS.indexOf('click_id');
const DELIVERY_COLUMNS = [
  'conversion_id',
  'state',
  'attempt_count',
  'next_attempt_at',
  'needs_reconcile',
  'force_send',
  'next_trigger',
  'reconciled',
  'created_at',
  'updated_at',
];

const pairKey = (goalId: number, mref: string) => `${goalId}\u0000${mref}`;

/**
 * Stored conversions. Live ones are written with their outbox rows, once per (goal, mref): `insertOnce` is
 * one job in its own statements; `insertMany` serves a group-commit batch with a fixed handful of set-based
 * statements, both inside the caller's transaction. Across instances the partial unique index has the last
 * word: a batch that hits it fails whole and group commit retries its jobs one by one, where the committed
 * row is then found and answered as a duplicate.
 */
@Injectable()
export class ConversionsRepository {
  constructor(private readonly db: Db) {}

  async insertOnce(manager: EntityManager, job: NewConversion): Promise<WrittenConversion> {
    const existing = await manager.findOneBy(ConversionEntity, { goalId: job.goal.id, mref: job.mref, isTest: false });
    if (existing) return { conversion: existing, duplicate: true };
    const clickId = job.clickId !== undefined ? job.clickId : await this.clickIdOf(manager, job.clickSessionId);
    const status = job.clickSessionId ? 'pending' : 'unattributed';
    const conversion = await manager.save(manager.create(ConversionEntity, { ...columns({ ...job, clickId }), status, isTest: false, deliveredAt: null }));
    if (status === 'pending') await this.insertDeliveries(manager, [conversion]);
    return { conversion, duplicate: false };
  }

  async insertMany(manager: EntityManager, jobs: NewConversion[]): Promise<WrittenConversion[]> {
    const existing = await this.existing(manager, jobs);
    // The first job of each new (goal, mref) pair is inserted; repeats in the batch answer as its duplicates.
    const fresh = new Map<string, NewConversion>();
    for (const job of jobs) {
      const key = pairKey(job.goal.id, job.mref);
      if (!existing.has(key) && !fresh.has(key)) fresh.set(key, job);
    }
    const inserted = await this.insertConversions(manager, [...fresh.values()]);
    const pending = [...inserted.values()].filter((c) => c.status === 'pending');
    if (pending.length > 0) await this.insertDeliveries(manager, pending);
    return jobs.map((job) => {
      const key = pairKey(job.goal.id, job.mref);
      const found = existing.get(key);
      if (found) return { conversion: found, duplicate: true };
      const conversion = inserted.get(key);
      if (!conversion) throw new Error('Conversion insert returned no row for a (goal, mref) of the batch');
      return { conversion, duplicate: fresh.get(key) !== job };
    });
  }

  /** A trace-only test conversion, in a write of its own: never deduplicated, no outbox row. */
  insertTest(conversion: NewConversion & { clickId: number | null }): Promise<ConversionEntity> {
    return this.db.write((m) => m.save(m.create(ConversionEntity, { ...columns(conversion), status: 'pending', isTest: true, deliveredAt: null })));
  }

  findLive(goalId: number, mref: string): Promise<ConversionEntity | null> {
    return this.db.manager.findOneBy(ConversionEntity, { goalId, mref, isTest: false });
  }

  /** Conversions, live and test, whose mref or clickSessionID is `q`; newest first. */
  findByMrefOrClickSession(q: string, limit: number): Promise<ConversionEntity[]> {
    return this.db.manager.find(ConversionEntity, { where: [{ mref: q }, { clickSessionId: q }], order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Live conversions already stored for the batch's (goal, mref) pairs, by pair. */
  private async existing(manager: EntityManager, jobs: NewConversion[]): Promise<Map<string, ConversionEntity>> {
    const goalIds = [...new Set(jobs.map((j) => j.goal.id))];
    const mrefs = [...new Set(jobs.map((j) => j.mref))];
    const wanted = new Set(jobs.map((j) => pairKey(j.goal.id, j.mref)));
    const params = new SqlParams(this.db.dialect);
    const rows = await this.db.query<ConversionRow>(
      manager,
      `SELECT * FROM "conversions" WHERE "is_test" = FALSE
       AND "goal_id" IN ${params.row(goalIds)} AND "mref" IN ${params.row(mrefs)}`,
      params.values,
    );
    const out = new Map<string, ConversionEntity>();
    for (const row of rows) {
      const key = pairKey(row.goal_id, row.mref);
      if (wanted.has(key)) out.set(key, toEntity(row));
    }
    return out;
  }

  private async clickIdOf(manager: EntityManager, clickSessionId: string | null): Promise<number | null> {
    if (!clickSessionId) return null;
    const params = new SqlParams(this.db.dialect);
    const [row] = await this.db.query<{ id: number }>(
      manager,
      `SELECT "id" FROM "clicks" WHERE "click_session_id" = ${params.add(clickSessionId)}`,
      params.values,
    );
    return row?.id ?? null;
  }

  /** One multi-row insert; a click id not known yet is looked up in the statement itself (no extra round trip). */
  private async insertConversions(manager: EntityManager, jobs: NewConversion[]): Promise<Map<string, ConversionEntity>> {
    if (jobs.length === 0) return new Map();
    const params = new SqlParams(this.db.dialect);
    const tuples = jobs.map((job) => {
      const status: ConversionStatus = job.clickSessionId ? 'pending' : 'unattributed';
      const lookUp = job.clickId === undefined && job.clickSessionId !== null;
      // When looked up, the click_id parameter carries the clickSessionID to find: PostgreSQL deduces one type
      // per parameter, so the conversion's own click_session_id parameter cannot be reused for it.
      const clickId = lookUp ? job.clickSessionId : (job.clickId ?? null);
      const values = params.addAll([
        job.goal.id,
        job.goal.afliteGoalId,
        job.mref,
        job.valueMinor,
        job.clickSessionId,
        clickId,
        job.attribution,
        job.source,
        status,
        false,
        job.at,
        null,
      ]);
      if (lookUp) values[CLICK_ID_INDEX] = `(SELECT "id" FROM "clicks" WHERE "click_session_id" = ${values[CLICK_ID_INDEX]})`;
      return `(${values.join(', ')})`;
    });
    const names = CONVERSION_COLUMNS.map((c) => `"${c}"`).join(', ');
    const inserted = await this.db.query<ConversionRow>(manager, `INSERT INTO "conversions" (${names}) VALUES ${tuples.join(', ')} RETURNING *`, params.values);
    return new Map(inserted.map((row) => [pairKey(row.goal_id, row.mref), toEntity(row)]));
  }

  /** The outbox rows, due at once: written in the conversion's transaction, so a 2xx always has one. */
  private async insertDeliveries(manager: EntityManager, conversions: ConversionEntity[]): Promise<void> {
    const params = new SqlParams(this.db.dialect);
    const tuples = conversions.map((c) => params.row([c.id, 'pending', 0, c.createdAt, false, false, 'auto', false, c.createdAt, c.createdAt]));
    const names = DELIVERY_COLUMNS.map((c) => `"${c}"`).join(', ');
    await this.db.query(manager, `INSERT INTO "deliveries" (${names}) VALUES ${tuples.join(', ')}`, params.values);
  }
}

/** Values every new row of a conversion carries, in entity property names. */
function columns(c: NewConversion & { clickId: number | null }) {
  return {
    goalId: c.goal.id,
    afliteGoalId: c.goal.afliteGoalId,
    mref: c.mref,
    valueMinor: c.valueMinor,
    clickSessionId: c.clickSessionId,
    clickId: c.clickId,
    attribution: c.attribution,
    source: c.source,
    createdAt: c.at,
  };
}

function toEntity(row: ConversionRow): ConversionEntity {
  return Object.assign(new ConversionEntity(), {
    id: row.id,
    goalId: row.goal_id,
    afliteGoalId: row.aflite_goal_id,
    mref: row.mref,
    valueMinor: row.value_minor,
    clickSessionId: row.click_session_id,
    clickId: row.click_id,
    attribution: row.attribution,
    source: row.source,
    status: row.status,
    isTest: row.is_test === true || row.is_test === 1,
    createdAt: Number(row.created_at),
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
  });
}
