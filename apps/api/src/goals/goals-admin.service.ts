import { Injectable } from '@nestjs/common';
import { formatValue, parseValueToMinor } from '@goalpost/aflite';
import type { GoalResponse } from '@goalpost/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { browserValueCapMinor } from './browser-value-cap';
import { GoalEntity } from './goal.entity';
import { GoalInput, GoalsService } from './goals.service';
import { CreateGoalDto, UpdateGoalDto } from './dto/goal.dto';

@Injectable()
export class GoalsAdminService {
  constructor(
    private readonly goals: GoalsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<GoalResponse[]> {
    return (await this.goals.list()).map((g) => this.map(g));
  }

  async create(dto: CreateGoalDto, actor: string): Promise<GoalResponse> {
    const input: GoalInput = { ...this.toInput(dto), afliteGoalId: dto.afliteGoalId, name: dto.name };
    const goal = await this.goals.create(input);
    const response = this.map(goal);
    await this.audit.record({ actor, action: 'goal.create', target: `goal ${goal.id}`, details: { ...response } });
    return response;
  }

  /** Edit, enable or disable. Goals are never deleted: conversions keep pointing at them. */
  async update(id: number, dto: UpdateGoalDto, actor: string): Promise<GoalResponse> {
    const before = this.map(await this.goals.getById(id));
    const goal = await this.goals.update(id, this.toInput(dto));
    const after = this.map(goal);
    const changed = (Object.keys(after) as (keyof GoalResponse)[]).filter((k) => k !== 'updatedAt' && after[k] !== before[k]);
    await this.audit.record({ actor, action: 'goal.update', target: `goal ${id}`, details: Object.fromEntries(changed.map((k) => [k, after[k]])) });
    return after;
  }

  private toInput(dto: UpdateGoalDto): Partial<GoalInput> {
    return {
      afliteGoalId: dto.afliteGoalId,
      name: dto.name,
      allowBrowser: dto.allowBrowser,
      enabled: dto.enabled,
      defaultValueMinor: amount(dto.defaultValue, 'defaultValue'),
      maxBrowserValueMinor: amount(dto.maxBrowserValue, 'maxBrowserValue'),
    };
  }

  private map(g: GoalEntity): GoalResponse {
    return {
      id: g.id,
      afliteGoalId: g.afliteGoalId,
      name: g.name,
      defaultValue: g.defaultValueMinor === null ? null : formatValue(g.defaultValueMinor),
      maxBrowserValue: g.maxBrowserValueMinor === null ? null : formatValue(g.maxBrowserValueMinor),
      browserValueCap: formatValue(browserValueCapMinor(g)),
      allowBrowser: g.allowBrowser,
      enabled: g.enabled,
      createdAt: new Date(g.createdAt).toISOString(),
      updatedAt: new Date(g.updatedAt).toISOString(),
    };
  }
}

/** undefined leaves the field as it is, null clears it, anything else must be an amount. */
function amount(value: string | null | undefined, field: 'defaultValue' | 'maxBrowserValue'): number | null | undefined {
  if (value === undefined || value === null) return value;
  const minor = parseValueToMinor(value);
  if (minor === null) {
    throw new DomainError(DomainErrorCode.InvalidValue, `${field}: must be an amount such as 10.00 (at most two decimals, not negative)`, field);
  }
  return minor;
}
