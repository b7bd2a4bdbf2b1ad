import { Injectable } from '@nestjs/common';
import type { DeliveryDetailResponse, DeliveryFilter, DeliveryListResponse, ResendResponse } from '@goalpost/contracts';
import { AuditService } from '../../audit/audit.service';
import { ClicksService } from '../../clicks/clicks.service';
import { DomainError, DomainErrorCode } from '../../common/errors/domain-error';
import { Db } from '../../database/db.service';
import { toAttemptResponse } from '../attempt-mapper';
import { DeliveryAttemptEntity } from '../delivery-attempt.entity';
import { ResendService } from '../resend.service';
import { decodeCursor, encodeCursor, type KeysetPosition } from '../../common/keyset-cursor';
import { csvLine } from './csv';
import { DELIVERY_CSV_COLUMNS, deliveryCsvLine, toDeliveryListItem } from './delivery-row.mapper';
import { DeliverySearchRepository } from './delivery-search.repository';


@Injectable()
export class DeliveryHistoryService {
  /** Rows read per query while exporting. */
  exportChunk = 1_000;

  constructor(
    private readonly search: DeliverySearchRepository,
    private readonly clicks: ClicksService,
    private readonly resendService: ResendService,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  async list(filter: DeliveryFilter, cursor: string | undefined, limit: number): Promise<DeliveryListResponse> {
    const resolved = await this.search.resolve(filter);
    const page = await this.search.pageIds(resolved, decodeCursor(cursor), limit + 1);
    const shown = page.slice(0, limit);
    const rows = await this.search.load(shown.map((p) => p.id));
    const last = shown[shown.length - 1];
    return { items: rows.map((r) => toDeliveryListItem(r)), nextCursor: page.length > limit ? encodeCursor(last) : null };
  }

  async detail(id: number): Promise<DeliveryDetailResponse> {
    const [row] = await this.search.load([id]);
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `Conversion ${id} does not exist`, 'id');
    const [click, attempts] = await Promise.all([
      row.conversion.clickSessionId ? this.clicks.findBySessionId(row.conversion.clickSessionId) : null,
      this.db.manager.find(DeliveryAttemptEntity, { where: { conversionId: id }, order: { id: 'ASC' } }),
    ]);
    return {
      conversion: toDeliveryListItem(row),
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
    const resolved = await this.search.resolve(filter);
    const { search, exportChunk } = this;
    return (async function* () {
      yield csvLine(DELIVERY_CSV_COLUMNS);
      let after: KeysetPosition | null = null;
      for (;;) {
        const page = await search.pageIds(resolved, after, exportChunk);
        if (page.length === 0) return;
        const rows = await search.load(page.map((p) => p.id));
        yield rows.map((row) => deliveryCsvLine(toDeliveryListItem(row))).join('');
        if (page.length < exportChunk) return;
        after = page[page.length - 1];
      }
    })();
  }
}
