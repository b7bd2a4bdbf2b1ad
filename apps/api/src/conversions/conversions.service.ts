import { Injectable } from '@nestjs/common';
import { formatValue, parseValueToMinor } from '@goalpost/aflite';
import type { ConversionResponse, ConversionSource, TraceResultResponse } from '@goalpost/contracts';
import { ClickEntity } from '../clicks/click.entity';
import { ClicksService } from '../clicks/clicks.service';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { MAX_STORED_VALUE_MINOR } from '../database/columns';
import { Db } from '../database/db.service';
import { isUniqueViolation } from '../database/unique-violation';
import { GroupCommit, INGEST_PRIORITY } from '../database/group-commit';
import { MetricsService } from '../metrics/metrics.service';
import { DeliveryWorker } from '../delivery/delivery.worker';
import { TestSender } from '../delivery/test-sender';
import { browserValueCapMinor } from '../goals/browser-value-cap';
import type { GoalEntity } from '../goals/goal.entity';
import { GoalsService } from '../goals/goals.service';
import { SettingsService } from '../settings/settings.service';
import { toConversionResponse } from './conversion.mapper';
import { ConversionsRepository, NewConversion, WrittenConversion } from './conversions.repository';

export interface RecordConversionInput {
  afliteGoalId: string;
  mref: string;
  value?: unknown;
  clickSessionId?: string;
  clickCookie?: string;
  /** `browser` is refused for goals that do not allow it: the page is on the open internet. */
  source: ConversionSource;
  /** Field names as the caller knows them, for messages that name the field at fault. */
  fields?: { goal?: string; value?: string };
}

@Injectable()
export class ConversionsService {
  private readonly writer: GroupCommit<NewConversion, WrittenConversion>;

  constructor(
    db: Db,
    private readonly conversions: ConversionsRepository,
    private readonly goals: GoalsService,
    private readonly clicks: ClicksService,
    private readonly settings: SettingsService,
    private readonly worker: DeliveryWorker,
    private readonly testSender: TestSender,
    private readonly metrics: MetricsService,
  ) {
    this.writer = new GroupCommit(db, (manager, job) => conversions.insertOnce(manager, job), {
      applyBatch: (manager, jobs) => conversions.insertMany(manager, jobs),
      // One batch at a time: two overlapping batches could race for the same (goal, mref), and the loser's
      // unique violation would fail a request instead of answering it as a duplicate.
      priority: INGEST_PRIORITY,
    });
  }

  /** Records a live conversion once per (goal, mref); a repeat answers with the stored one and sends nothing. */
  async record(input: RecordConversionInput): Promise<ConversionResponse> {
    const prepared = await this.prepare(input);
    const { conversion, duplicate } = await this.writer.submit(prepared).catch(async (error: unknown) => {
      // Another instance committed the same (goal, mref) while this one was writing: answer as the duplicate it is.
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.conversions.findLive(prepared.goal.id, prepared.mref);
      if (!existing) throw error;
      return { conversion: existing, duplicate: true };
    });
    if (!duplicate && conversion.status === 'pending') this.worker.wake();
    this.metrics.conversions.inc({ source: input.source, result: duplicate ? 'duplicate' : conversion.status });
    return toConversionResponse(conversion, prepared.goal, duplicate);
  }

  /** Trace-only: sent at once with traceOnly=1, stored as a test, never deduplicated against live mrefs. */
  async trace(input: RecordConversionInput): Promise<TraceResultResponse> {
    const prepared = await this.prepare(input);
    if (!prepared.clickSessionId) {
      throw new DomainError(
        DomainErrorCode.UnknownClick,
        'clickSessionID: a trace-only test needs a clickSessionID (or a known click cookie)',
        'clickSessionID',
      );
    }
    const clickId = prepared.clickId !== undefined ? prepared.clickId : ((await this.clicks.findBySessionId(prepared.clickSessionId))?.id ?? null);
    const conversion = await this.conversions.insertTest({ ...prepared, clickId });
    const { conversion: sent, attempt } = await this.testSender.send(conversion);
    return { conversion: toConversionResponse(sent, prepared.goal, false), attempt };
  }

  /** At shutdown (ShutdownService): commits what is queued and refuses, with a 503, anything submitted after. */
  finishWrites(): Promise<void> {
    return this.writer.close();
  }

  private async prepare(input: RecordConversionInput): Promise<NewConversion> {
    const goalField = input.fields?.goal ?? 'goalId';
    const goal = await this.goals.requireUsable(input.afliteGoalId, goalField);
    if (input.source === 'browser' && !goal.allowBrowser) {
      throw new DomainError(
        DomainErrorCode.BrowserGoalNotAllowed,
        `${goalField}: "${goal.name}" cannot be recorded from a browser; send it from your server`,
        goalField,
      );
    }
    const valueField = input.fields?.value ?? 'value';
    let valueMinor: number | null;
    if (input.value === undefined || input.value === null || input.value === '') {
      valueMinor = goal.defaultValueMinor;
      if (valueMinor === null) {
        throw new DomainError(DomainErrorCode.InvalidValue, `${valueField}: required, goal "${goal.name}" has no default value`, valueField);
      }
    } else {
      valueMinor = parseValueToMinor(input.value);
      if (valueMinor === null) {
        throw new DomainError(DomainErrorCode.InvalidValue, `${valueField}: must be an amount such as 10.99 (at most two decimals, not negative)`, valueField);
      }
      if (valueMinor > MAX_STORED_VALUE_MINOR) {
        throw new DomainError(DomainErrorCode.InvalidValue, `${valueField}: must be at most ${formatValue(MAX_STORED_VALUE_MINOR)}`, valueField);
      }
    }
    if (input.source === 'browser') refuseAboveBrowserCap(goal, valueMinor, valueField);
    const at = Date.now();
    const click = await this.attribute(input, at);
    return { goal, mref: input.mref, valueMinor, at, source: input.source, ...click };
  }

  private async attribute(input: RecordConversionInput, at: number): Promise<Pick<NewConversion, 'clickSessionId' | 'clickId' | 'attribution'>> {
    // The click id of an explicit clickSessionID is looked up inside the write (one query per batch).
    if (input.clickSessionId) return { clickSessionId: input.clickSessionId, attribution: 'explicit' };
    if (input.clickCookie) {
      const click = await this.clicks.findByToken(input.clickCookie);
      if (click && (await this.withinWindow(click, at))) {
        return { clickSessionId: click.clickSessionId, clickId: click.id, attribution: 'cookie' };
      }
    }
    return { clickSessionId: null, clickId: null, attribution: 'none' };
  }

  private async withinWindow(click: ClickEntity, at: number): Promise<boolean> {
    const { attributionWindowDays } = await this.settings.get();
    return at - click.lastSeenAt <= attributionWindowDays * 86_400_000;
  }
}

/** A browser's value is believed only up to the goal's cap: the page is on the open internet. */
function refuseAboveBrowserCap(goal: GoalEntity, valueMinor: number, field: string): void {
  const cap = browserValueCapMinor(goal);
  if (valueMinor <= cap) return;
  throw new DomainError(
    DomainErrorCode.InvalidValue,
    `${field}: at most ${formatValue(cap)} for "${goal.name}" from a browser (the goal's maximum browser value); send larger amounts from your server`,
    field,
  );
}
