import { Injectable } from '@nestjs/common';
import { formatValue, parseValueToMinor } from '@goalpost/aflite';
import type { GoalResponse } from '@goalpost/contracts';
import { AuditService } from '../audit/audit.service';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
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
    const input: Partial<GoalInput> = { afliteGoalId: dto.afliteGoalId, name: dto.name, allowBrowser: dto.allowBrowser, enabled: dto.enabled };
    if (dto.defaultValue === null) input.defaultValueMinor = null;
    else if (dto.defaultValue !== undefined) {
      const minor = parseValueToMinor(dto.defaultValue);
      if (minor === null) {
        throw new DomainError(
          DomainErrorCode.InvalidValue,
          'defaultValue: must be an amount such as 10.00 (at most two decimals, not negative)',
          'defaultValue',
        );
      }
      input.defaultValueMinor = minor;
    }
    return input;
  }

  private map(g: GoalEntity): GoalResponse {
    return {
      id: g.id,
      afliteGoalId: g.afliteGoalId,
      name: g.name,
      defaultValue: g.defaultValueMinor === null ? null : formatValue(g.defaultValueMinor),
      allowBrowser: g.allowBrowser,
      enabled: g.enabled,
      createdAt: new Date(g.createdAt).toISOString(),
      updatedAt: new Date(g.updatedAt).toISOString(),
    };
  }
}
