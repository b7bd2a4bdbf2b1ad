import { Injectable } from '@nestjs/common';
import type { CrossSiteHealth, HelpResponse, RecentClicksResponse, TraceTestResponse } from '@goalpost/contracts';
import { AuditService } from '../../audit/audit.service';
import { CrossSiteService } from '../../clicks/cross-site/cross-site.service';
import { ClicksService } from '../../clicks/clicks.service';
import { DomainError, DomainErrorCode } from '../../common/errors/domain-error';
import { ConversionsService } from '../../conversions/conversions.service';
import { HelpProxy } from '../../delivery/help-proxy';
import { ClicksRepository } from '../../clicks/clicks.repository';
import { parseDashboardTime } from '../../common/dashboard-time';
import { TraceTestDto } from './dto/trace-test.dto';

const RECENT_CLICKS = 50;
/** serverTime lags the clock by this much, so a click committed just after the query is caught by the next poll. */
const POLL_OVERLAP_MS = 5_000;

@Injectable()
export class TestTrackingService {
  constructor(
    private readonly conversions: ConversionsService,
    private readonly help: HelpProxy,
    private readonly clicks: ClicksService,
    private readonly clickRecords: ClicksRepository,
    private readonly crossSites: CrossSiteService,
    private readonly audit: AuditService,
  ) {}

  /** Sends a trace-only conversion now (traceOnly=1): recorded as a test, never counted, never deduplicated. */
  trace(dto: TraceTestDto): Promise<TraceTestResponse> {
    return this.conversions.trace({
      afliteGoalId: dto.goalId,
      mref: dto.mref ?? `TEST-${Date.now()}`,
      value: dto.value,
      clickSessionId: dto.clickSessionID,
      source: 'dashboard',
    });
  }

  helpText(): Promise<HelpResponse> {
    return this.help.fetch();
  }

  async recentClicks(since: string): Promise<RecentClicksResponse> {
    const t = parseDashboardTime(since);
    if (t === null) throw new DomainError(DomainErrorCode.InvalidValue, 'since: must be an ISO date-time such as 2024-11-01T09:30:00Z', 'since');
    const serverTime = Date.now() - POLL_OVERLAP_MS;
    const clicks = await this.clickRecords.seenSince(t, RECENT_CLICKS);
    return { items: clicks.map((c) => this.clicks.map(c)), serverTime: new Date(serverTime).toISOString() };
  }

  crossSite(): Promise<CrossSiteHealth> {
    return this.crossSites.report();
  }

  async clearCrossSite(actor: string): Promise<void> {
    const before = await this.crossSites.report();
    const sites = before.sites.map((site) => site.pageSite);
    await this.crossSites.clear((manager) =>
      this.audit.record({ actor, action: 'tracking.cross-site-clear', target: 'cross-site clicks', details: { sites } }, manager),
    );
  }
}
