import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ClickResponse, ClickVia } from '@goalpost/contracts';
import { randomBytes } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { Db } from '../database/db.service';
import { GroupCommit, INGEST_PRIORITY } from '../database/group-commit';
import { SqlParams } from '../database/sql-params';
import { MetricsService } from '../metrics/metrics.service';
import { ClickEntity } from './click.entity';

export interface RecordClickInput {
  clickSessionId: string;
  via: ClickVia;
  landingUrl?: string | null;
  referrer?: string | null;
}

/** Tokens are base64url (see upsert); the column holds at most 64 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type ClickJob = RecordClickInput & { at: number };

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

@Injectable()
export class ClicksService implements OnModuleDestroy {
  private readonly writer: GroupCommit<ClickJob, ClickEntity>;

  constructor(
    @InjectRepository(ClickEntity) private readonly repo: Repository<ClickEntity>,
    private readonly db: Db,
    private readonly metrics: MetricsService,
  ) {
    this.writer = new GroupCommit(db, (manager, job) => this.upsert(manager, job), {
      applyBatch: (manager, jobs) => this.upsertMany(manager, jobs),
      inFlight: db.dialect === 'postgres' ? 2 : 1,
      priority: INGEST_PRIORITY,
    });
  }

  /** Records a click once per clickSessionID (later hits bump the counter); resolves after the commit. */
  async record(input: RecordClickInput): Promise<ClickEntity> {
    const click = await this.writer.submit({ ...input, at: Date.now() });
    this.metrics.clicks.inc({ via: input.via });
    return click;
  }

  /** A value that cannot be a token (say, a tampered cookie with a NUL) is unknown without asking the database. */
  async findByToken(token: string): Promise<ClickEntity | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    return this.repo.findOneBy({ token });
  }

  findBySessionId(clickSessionId: string): Promise<ClickEntity | null> {
    return this.repo.findOneBy({ clickSessionId });
  }

  latest(): Promise<ClickEntity | null> {
    return this.repo.findOne({ where: {}, order: { lastSeenAt: 'DESC', id: 'DESC' } });
  }

  async onModuleDestroy(): Promise<void> {
    await this.writer.idle();
  }

  map(click: ClickEntity): ClickResponse {
    return {
      id: click.id,
      clickSessionID: click.clickSessionId,
      cookieValue: click.token,
      landingUrl: click.landingUrl,
      referrer: click.referrer,
      via: click.via,
      hits: click.hits,
      firstSeenAt: new Date(click.firstSeenAt).toISOString(),
      lastSeenAt: new Date(click.lastSeenAt).toISOString(),
    };
  }

  private async upsert(manager: EntityManager, job: ClickJob): Promise<ClickEntity> {
    const [click] = await this.upsertMany(manager, [job]);
    return click;
  }

  /**
   * One multi-row upsert for a whole batch. Repeats of a clickSessionID are merged first (PostgreSQL refuses
   * to touch a row twice in one statement); every repeat is answered with the row as committed.
   */
  private async upsertMany(manager: EntityManager, jobs: ClickJob[]): Promise<ClickEntity[]> {
    const merged = new Map<string, { job: ClickJob; hits: number; first: number; last: number }>();
    for (const job of jobs) {
      const seen = merged.get(job.clickSessionId);
      if (seen) {
        seen.hits += 1;
        seen.first = Math.min(seen.first, job.at);
        seen.last = Math.max(seen.last, job.at);
      } else {
        merged.set(job.clickSessionId, { job, hits: 1, first: job.at, last: job.at });
      }
    }
    const params = new SqlParams(this.db.dialect);
    // A stable order keeps overlapping batches (PostgreSQL runs two at once) from locking rows in opposite orders.
    const ordered = [...merged.values()].sort((a, b) => (a.job.clickSessionId < b.job.clickSessionId ? -1 : 1));
    const tuples = ordered.map(({ job, hits, first, last }) =>
      params.row([job.clickSessionId, randomBytes(18).toString('base64url'), job.via, job.landingUrl ?? null, job.referrer ?? null, hits, first, last]),
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
    return jobs.map((job) => {
      const click = bySession.get(job.clickSessionId);
      if (!click) throw new Error(`Click upsert returned no row for a clickSessionID of the batch`);
      return click;
    });
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
