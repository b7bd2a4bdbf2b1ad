import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { MAX_STORED_VALUE_MINOR } from '../database/columns';
import { formatValue } from '@goalpost/aflite';
import { GoalEntity } from './goal.entity';
import { GoalsRepository } from './goals.repository';

export interface GoalInput {
  afliteGoalId: string;
  name: string;
  defaultValueMinor?: number | null;
  maxBrowserValueMinor?: number | null;
  allowBrowser?: boolean;
  enabled?: boolean;
}

/** Goals change rarely and are read on every conversion: cached briefly per instance. */
const CACHE_MS = 5_000;

interface GoalSnapshot {
  at: number;
  byAfliteId: Map<string, GoalEntity>;
  byId: Map<number, GoalEntity>;
}

@Injectable()
export class GoalsService {
  private cache: GoalSnapshot | null = null;
  private loading: Promise<GoalSnapshot> | null = null;
  /** Bumped by every write: a read started before it must not fill the cache with what it replaced. */
  private generation = 0;

  constructor(private readonly goals: GoalsRepository) {}

  list(): Promise<GoalEntity[]> {
    return this.goals.list();
  }

  /** The goal with this Aflite goal ID, enabled or not (for filters and lookups, not for recording). */
  async findByAfliteId(afliteGoalId: string): Promise<GoalEntity | null> {
    return storable(afliteGoalId) ? this.goals.findByAfliteId(afliteGoalId) : null;
  }

  async getById(id: number): Promise<GoalEntity> {
    const goal = (await this.snapshot()).byId.get(id) ?? (await this.goals.findById(id));
    if (!goal) throw new DomainError(DomainErrorCode.NotFound, `Goal ${id} does not exist`, 'id');
    return goal;
  }

  /** The goal a conversion names; refuses unknown and disabled goals with the field at fault. */
  async requireUsable(afliteGoalId: string, field: string): Promise<GoalEntity> {
    const snapshot = await this.snapshot();
    const goal = snapshot.byAfliteId.get(afliteGoalId) ?? (await this.findByAfliteId(afliteGoalId));
    if (!goal) {
      throw new DomainError(DomainErrorCode.UnknownGoal, `${field}: no goal with Aflite goal ID "${afliteGoalId}" is set up in Goalpost`, field);
    }
    if (!goal.enabled) throw new DomainError(DomainErrorCode.GoalDisabled, `${field}: goal "${goal.name}" is disabled`, field);
    return goal;
  }

  async create(input: GoalInput): Promise<GoalEntity> {
    checkValues(input.defaultValueMinor ?? null, input.maxBrowserValueMinor ?? null);
    const existing = await this.goals.findByAfliteId(input.afliteGoalId);
    if (existing) {
      throw new DomainError(DomainErrorCode.Conflict, `afliteGoalId: a goal with Aflite goal ID "${input.afliteGoalId}" already exists`, 'afliteGoalId');
    }
    const now = Date.now();
    const goal = await this.goals.create({
      afliteGoalId: input.afliteGoalId,
      name: input.name,
      defaultValueMinor: input.defaultValueMinor ?? null,
      maxBrowserValueMinor: input.maxBrowserValueMinor ?? null,
      allowBrowser: input.allowBrowser ?? false,
      enabled: input.enabled ?? true,
      createdAt: now,
      updatedAt: now,
    });
    this.invalidate();
    return goal;
  }

  async update(id: number, patch: Partial<GoalInput>): Promise<GoalEntity> {
    const goal = await this.goals.findById(id);
    if (!goal) throw new DomainError(DomainErrorCode.NotFound, `Goal ${id} does not exist`, 'id');
    checkValues(
      patch.defaultValueMinor === undefined ? goal.defaultValueMinor : patch.defaultValueMinor,
      patch.maxBrowserValueMinor === undefined ? goal.maxBrowserValueMinor : patch.maxBrowserValueMinor,
    );
    if (patch.afliteGoalId && patch.afliteGoalId !== goal.afliteGoalId) {
      const clash = await this.goals.findByAfliteId(patch.afliteGoalId);
      if (clash)
        throw new DomainError(DomainErrorCode.Conflict, `afliteGoalId: a goal with Aflite goal ID "${patch.afliteGoalId}" already exists`, 'afliteGoalId');
    }
    Object.assign(goal, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), { updatedAt: Date.now() });
    const saved = await this.goals.save(goal);
    this.invalidate();
    return saved;
  }

  private invalidate(): void {
    this.generation += 1;
    this.cache = null;
    this.loading = null;
  }

  /** Concurrent misses share one read of the table. */
  private async snapshot(): Promise<GoalSnapshot> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache;
    if (!this.loading) {
      const generation = this.generation;
      const loading: Promise<GoalSnapshot> = this.goals.all().then(
        (goals) => {
          const snapshot: GoalSnapshot = {
            at: Date.now(),
            byAfliteId: new Map(goals.map((g) => [g.afliteGoalId, g])),
            byId: new Map(goals.map((g) => [g.id, g])),
          };
          if (this.loading === loading) this.loading = null;
          if (generation === this.generation) this.cache = snapshot;
          return snapshot;
        },
        (error: unknown) => {
          if (this.loading === loading) this.loading = null;
          throw error;
        },
      );
      this.loading = loading;
    }
    return this.loading;
  }
}

/** An ID with control characters cannot be stored (PostgreSQL refuses NUL), so it names no goal: no query. */
function storable(afliteGoalId: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  return !/[\x00-\x1f\x7f]/.test(afliteGoalId);
}

function checkValues(defaultMinor: number | null, maxBrowserMinor: number | null): void {
  for (const [field, minor] of [
    ['defaultValue', defaultMinor],
    ['maxBrowserValue', maxBrowserMinor],
  ] as const) {
    if (minor !== null && minor > MAX_STORED_VALUE_MINOR) {
      throw new DomainError(DomainErrorCode.InvalidValue, `${field}: must be at most ${formatValue(MAX_STORED_VALUE_MINOR)}`, field);
    }
  }
  // A goal sent without a value is worth its default: a maximum below it would refuse those.
  if (defaultMinor !== null && maxBrowserMinor !== null && maxBrowserMinor < defaultMinor) {
    throw new DomainError(
      DomainErrorCode.InvalidValue,
      `maxBrowserValue: must be at least the default value (${formatValue(defaultMinor)}), or empty`,
      'maxBrowserValue',
    );
  }
}
