import { Injectable } from '@nestjs/common';
import type { ClickDetailResponse, ClickListResponse } from '@goalpost/contracts';
import { ClicksService } from './clicks.service';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { toConversionResponse } from '../conversions/conversion.mapper';
import { GoalsService } from '../goals/goals.service';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor';
import { ClicksRepository } from './clicks.repository';

/** A click's page lists at most this many of its conversions (a click normally has a handful). */
const CONVERSIONS_PER_CLICK = 100;

@Injectable()
export class ClicksAdminService {
  constructor(
    private readonly repository: ClicksRepository,
    private readonly clicks: ClicksService,
    private readonly goals: GoalsService,
  ) {}

  async list(q: string | undefined, cursor: string | undefined, limit: number): Promise<ClickListResponse> {
    const page = await this.repository.page(q, decodeCursor(cursor), limit + 1);
    const shown = page.slice(0, limit);
    const counts = await this.repository.conversionCounts(shown.map((c) => c.clickSessionId));
    const last = shown[shown.length - 1];
    return {
      items: shown.map((click) => ({ ...this.clicks.map(click), conversions: counts.get(click.clickSessionId) ?? 0 })),
      nextCursor: page.length > limit ? encodeCursor({ at: last.lastSeenAt, id: last.id }) : null,
    };
  }

  async detail(id: number): Promise<ClickDetailResponse> {
    const click = await this.repository.findById(id);
    if (!click) throw new DomainError(DomainErrorCode.NotFound, `Click ${id} does not exist`, 'id');
    const [conversions, goals] = await Promise.all([this.repository.conversionsOf(click.clickSessionId, CONVERSIONS_PER_CLICK), this.goals.list()]);
    const goalOf = new Map(goals.map((g) => [g.id, g]));
    return { click: this.clicks.map(click), conversions: conversions.map((c) => toConversionResponse(c, goalOf.get(c.goalId) ?? null, false)) };
  }
}
