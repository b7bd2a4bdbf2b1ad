import { Inject, Injectable } from '@nestjs/common';
import { DELIVERY_TOTAL_BOUND, type DeliveryDetailResponse, type DeliveryFilter, type DeliveryListResponse, type ResendResponse } from '@goalpost/contracts';
import { AuditService } from '../../audit/audit.service';
import { ClicksService } from '../../clicks/clicks.service';
import { parseDashboardTime } from '../../common/dashboard-time';
import { DomainError, DomainErrorCode } from '../../common/errors/domain-error';
import { decodeCursor, encodeCursor, type KeysetPosition } from '../../common/keyset-cursor';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { GoalsService } from '../../goals/goals.service';
import { SettingsService } from '../../settings/settings.service';
import { toAttemptResponse } from '../attempt-mapper';
import { DeliveryWorker } from '../delivery.worker';
import { ResendService } from '../resend.service';
import { csvLine } from './csv';
import type { HoldContext } from './delivery-hold';
import { DELIVERY_CSV_COLUMNS, deliveryCsvLine, toDeliveryListItem } from './delivery-row.mapper';
import { DeliverySearchRepository, type ResolvedFilter } from './delivery-search.repository';

@Injectable()
export class DeliveryHistoryService {
  private readonly exportChunk: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly search: DeliverySearchRepository,
    private readonly goals: GoalsService,
    private readonly clicks: ClicksService,
    private readonly resendService: ResendService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly worker: DeliveryWorker,
  ) {
    this.exportChunk = config.chunks.historyExport;
  }

  /** Checks a filter and turns it into column values; an unknown goal matches nothing rather than failing. */
  async resolveFilter(filter: DeliveryFilter): Promise<ResolvedFilter> {
    const resolved: ResolvedFilter = { status: filter.status, q: filter.q };
    if (filter.kind) resolved.isTest = filter.kind === 'test';
    if (filter.goalId !== undefined) resolved.goalPk = (await this.goals.findByAfliteId(filter.goalId))?.id ?? null;
    resolved.from = readTime(filter.from, 'from');
    resolved.to = readTime(filter.to, 'to');
    if (resolved.from !== undefined && resolved.to !== undefined && resolved.to <= resolved.from) {
      throw new DomainError(DomainErrorCode.InvalidValue, 'to: must be later than from', 'to');
    }
    return resolved;
  }

  async list(filter: DeliveryFilter, cursor: string | undefined, limit: number): Promise<DeliveryListResponse> {
    const resolved = await this.resolveFilter(filter);
    const after = decodeCursor(cursor);
    const page = await this.search.pageIds(resolved, after, limit + 1);
    const shown = page.slice(0, limit);
    const [rows, count, hold] = await Promise.all([
      this.search.load(shown.map((p) => p.id)),
      this.search.countMatching(resolved, DELIVERY_TOTAL_BOUND),
      this.holdContext(),
    ]);
    const last = shown[shown.length - 1];
    return {
      items: rows.map((r) => toDeliveryListItem(r, hold)),
      nextCursor: page.length > limit ? encodeCursor(last) : null,
      total: count.total,
      totalIsLowerBound: count.isLowerBound,
    };
  }

  async detail(id: number): Promise<DeliveryDetailResponse> {
    const [row] = await this.search.load([id]);
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `Conversion ${id} does not exist`, 'id');
    const [click, attempts, hold] = await Promise.all([
      row.conversion.clickSessionId ? this.clicks.findBySessionId(row.conversion.clickSessionId) : null,
      this.search.attemptsOf(id),
      this.holdContext(),
    ]);
    return {
      conversion: toDeliveryListItem(row, hold),
      click: click ? this.clicks.map(click) : null,
      attempts: attempts.map(toAttemptResponse),
    };
  }

  async resend(ids: number[], force: boolean, actor: string): Promise<ResendResponse> {
    const unique = [...new Set(ids)];
    const queued = await this.resendService.resendConversions(unique, force);
    await this.audit.record({
      actor,
      action: 'delivery.resend',
      target: unique.length === 1 ? `conversion ${unique[0]}` : `${unique.length} conversions`,
      details: { ids: unique, force, queued },
    });
    return { queued };
  }

  /** The filtered history as CSV, read a chunk at a time so a large export never sits in memory. */
  async exportCsv(filter: DeliveryFilter): Promise<AsyncGenerator<string>> {
    const resolved = await this.resolveFilter(filter);
    const hold = await this.holdContext();
    const { search, exportChunk } = this;
    return (async function* () {
      yield csvLine(DELIVERY_CSV_COLUMNS);
      let after: KeysetPosition | null = null;
      for (;;) {
        const page = await search.pageIds(resolved, after, exportChunk);
        if (page.length === 0) return;
        const rows = await search.load(page.map((p) => p.id));
        yield rows.map((row) => deliveryCsvLine(toDeliveryListItem(row, hold))).join('');
        if (page.length < exportChunk) return;
        after = page[page.length - 1];
      }
    })();
  }

  /** What holds pending deliveries back now: the settings the worker reads, and its circuit (as /health shows it). */
  private async holdContext(): Promise<HoldContext> {
    const settings = await this.settings.get();
    const circuit = this.worker.breaker.snapshot();
    return { now: Date.now(), configured: Boolean(settings.afliteApiKey && settings.afliteMid), circuit: circuit.circuit, circuitSince: circuit.since };
  }
}

function readTime(text: string | undefined, field: 'from' | 'to'): number | undefined {
  if (text === undefined || text === '') return undefined;
  const t = parseDashboardTime(text);
  if (t === null) {
    throw new DomainError(DomainErrorCode.InvalidValue, `${field}: must be an ISO date or date-time, e.g. 2024-11-01 or 2024-11-01T09:30:00Z`, field);
  }
  return t;
}
