import { Injectable } from '@nestjs/common';
import type { SaleTraceConversion, SaleTraceResponse } from '@goalpost/contracts';
import { ClickEntity } from '../../clicks/click.entity';
import { ClicksRepository } from '../../clicks/clicks.repository';
import { ClicksService } from '../../clicks/clicks.service';
import { ConversionEntity } from '../../conversions/conversion.entity';
import { toConversionResponse } from '../../conversions/conversion.mapper';
import { ConversionsRepository } from '../../conversions/conversions.repository';
import { toAttemptResponse } from '../../delivery/attempt-mapper';
import { DeliverySearchRepository } from '../../delivery/history/delivery-search.repository';
import { GoalsService } from '../../goals/goals.service';
import { HealthService } from '../../health/health.service';
import { SettingsService } from '../../settings/settings.service';
import { DASHBOARD_TIME_ZONE } from '../../common/dashboard-time';
import { verdictFor } from './verdict';

/** More than this many conversions for one query is not a single sale; the newest are shown. */
const MAX_CONVERSIONS = 50;
const DAY_MS = 86_400_000;

/** "Where did my sale go?": the click, every conversion for the mref or clickSessionID, their attempts and a verdict each. */
@Injectable()
export class SaleTraceService {
  constructor(
    private readonly conversions: ConversionsRepository,
    private readonly history: DeliverySearchRepository,
    private readonly clicks: ClicksService,
    private readonly clickRecords: ClicksRepository,
    private readonly goals: GoalsService,
    private readonly settings: SettingsService,
    private readonly health: HealthService,
  ) {}

  async trace(q: string): Promise<SaleTraceResponse> {
    const found = await this.conversions.findByMrefOrClickSession(q, MAX_CONVERSIONS);
    const click = (await this.clicks.findBySessionId(q)) ?? (await this.firstClickOf(found));
    const ids = found.map((c) => c.id);
    const [deliveries, attempts, goals, settings, upstream] = await Promise.all([
      this.history.deliveriesOfConversions(ids),
      this.history.attemptsOfConversions(ids),
      this.goals.list(),
      this.settings.get(),
      this.health.upstream(),
    ]);
    const goalOf = new Map(goals.map((g) => [g.id, g]));
    const deliveryOf = new Map(deliveries.map((d) => [d.conversionId, d]));

    const traced: SaleTraceConversion[] = [];
    for (const conversion of found) {
      const own = attempts.filter((a) => a.conversionId === conversion.id);
      const windowMs = settings.attributionWindowDays * DAY_MS;
      const clickInWindow =
        conversion.status === 'unattributed' ? await this.clickRecords.anyActiveBetween(conversion.createdAt - windowMs, conversion.createdAt) : true;
      const verdict = verdictFor({
        conversion,
        delivery: deliveryOf.get(conversion.id) ?? null,
        attempts: own,
        upstream,
        clickInWindow,
        attributionWindowDays: settings.attributionWindowDays,
      });
      traced.push({
        conversion: toConversionResponse(conversion, goalOf.get(conversion.goalId) ?? null, false),
        attempts: own.map(toAttemptResponse),
        ...verdict,
      });
    }
    return { query: q, click: click ? this.clicks.map(click) : null, conversions: traced, explanation: explain(q, click, traced.length) };
  }

  private async firstClickOf(conversions: ConversionEntity[]): Promise<ClickEntity | null> {
    const sessionId = conversions.find((c) => c.clickSessionId)?.clickSessionId;
    return sessionId ? this.clicks.findBySessionId(sessionId) : null;
  }
}

const when = new Intl.DateTimeFormat('en-GB', { timeZone: DASHBOARD_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });

function explain(q: string, click: ClickEntity | null, conversions: number): string | null {
  if (conversions > 0) return null;
  if (!click) {
    return `Nothing matches "${q}": no goal with this mref and no click with this clickSessionID reached Goalpost. Check the reference, and that your checkout sends the goal to Goalpost.`;
  }
  return (
    `Goalpost recorded this click at ${when.format(new Date(click.firstSeenAt))}${click.landingUrl ? ` on ${click.landingUrl}` : ''}, but no goal has arrived for it. ` +
    "If the visitor bought something, check that your checkout sends the goal with this clickSessionID or the visitor's gp_click cookie."
  );
}
