import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { ClickResponse, ClickVia } from '@goalpost/contracts';
import { Db } from '../database/db.service';
import { GroupCommit, INGEST_PRIORITY } from '../database/group-commit';
import { MetricsService } from '../metrics/metrics.service';
import { ClickEntity } from './click.entity';
import { ClickHit, ClicksRepository, IssuedClick } from './clicks.repository';

export interface RecordClickInput {
  clickSessionId: string;
  via: ClickVia;
  landingUrl?: string | null;
  referrer?: string | null;
  /** The `gp_click` cookie the browser sent with this hit, if any. */
  presentedToken?: string;
}

/** Tokens are base64url (see newToken); the column holds at most 64 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

@Injectable()
export class ClicksService {
  private readonly writer: GroupCommit<ClickHit, IssuedClick>;

  constructor(
    private readonly clicks: ClicksRepository,
    db: Db,
    private readonly metrics: MetricsService,
  ) {
    this.writer = new GroupCommit(db, (manager, hit) => clicks.upsert(manager, hit), {
      applyBatch: (manager, hits) => clicks.upsertMany(manager, hits),
      inFlight: db.dialect === 'postgres' ? 2 : 1,
      priority: INGEST_PRIORITY,
    });
  }

  /**
   * Records a click once per clickSessionID (later hits bump the counter); resolves after the commit.
   * The answer's cookieValue is this browser's own: the token it already holds for this click, or a
   * fresh one — never a token issued to another browser, though anyone may know a clickSessionID.
   */
  async record(input: RecordClickInput): Promise<ClickResponse> {
    const { presentedToken, ...hit } = input;
    const held = presentedToken ? await this.findByToken(presentedToken) : null;
    const token = held && presentedToken && held.clickSessionId === input.clickSessionId ? presentedToken : newToken();
    const issued = await this.writer.submit({ ...hit, token, at: Date.now() });
    this.metrics.clicks.inc({ via: input.via });
    return { ...this.map(issued.click), cookieValue: issued.token };
  }

  /** A value that cannot be a token (say, a tampered cookie with a NUL) is unknown without asking the database. */
  async findByToken(token: string): Promise<ClickEntity | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    return this.clicks.findByToken(token);
  }

  findBySessionId(clickSessionId: string): Promise<ClickEntity | null> {
    return this.clicks.findBySessionId(clickSessionId);
  }

  /** At shutdown (ShutdownService): commits what is queued and refuses, with a 503, anything submitted after. */
  finishWrites(): Promise<void> {
    return this.writer.close();
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
}

function newToken(): string {
  return randomBytes(18).toString('base64url');
}
