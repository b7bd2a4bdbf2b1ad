import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ClickResponse, ClickVia } from '@goalpost/contracts';
import { randomBytes } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { Db } from '../database/db.service';
import { GroupCommit } from '../database/group-commit';
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
  private readonly writer: GroupCommit<RecordClickInput & { at: number }, ClickEntity>;

  constructor(
    @InjectRepository(ClickEntity) private readonly repo: Repository<ClickEntity>,
    private readonly db: Db,
    private readonly metrics: MetricsService,
  ) {
    this.writer = new GroupCommit(db, (manager, job) => this.upsert(manager, job));
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

  private async upsert(manager: EntityManager, job: RecordClickInput & { at: number }): Promise<ClickEntity> {
    const p = (i: number) => this.db.param(i);
    const [row] = await this.db.query<ClickRow>(
      manager,
      `INSERT INTO "clicks" ("click_session_id", "token", "via", "landing_url", "referrer", "hits", "first_seen_at", "last_seen_at")
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, 1, ${p(6)}, ${p(6)})
       ON CONFLICT ("click_session_id") DO UPDATE SET "hits" = "clicks"."hits" + 1, "last_seen_at" = excluded."last_seen_at"
       RETURNING *`,
      [job.clickSessionId, randomBytes(18).toString('base64url'), job.via, job.landingUrl ?? null, job.referrer ?? null, job.at],
    );
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
}
