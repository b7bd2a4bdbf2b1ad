import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service';
import { GoalEntity } from './goal.entity';

export type NewGoal = Omit<GoalEntity, 'id'>;

@Injectable()
export class GoalsRepository {
  constructor(private readonly db: Db) {}

  /** By name, as the dashboard lists them. */
  list(): Promise<GoalEntity[]> {
    return this.db.manager.find(GoalEntity, { order: { name: 'ASC' } });
  }

  /** Every goal in no particular order (the cache of GoalsService). */
  all(): Promise<GoalEntity[]> {
    return this.db.manager.find(GoalEntity);
  }

  findById(id: number): Promise<GoalEntity | null> {
    return this.db.manager.findOneBy(GoalEntity, { id });
  }

  findByAfliteId(afliteGoalId: string): Promise<GoalEntity | null> {
    return this.db.manager.findOneBy(GoalEntity, { afliteGoalId });
  }

  create(goal: NewGoal): Promise<GoalEntity> {
    return this.db.write((m) => m.save(m.create(GoalEntity, goal)));
  }

  /** Writes a changed goal back. */
  save(goal: GoalEntity): Promise<GoalEntity> {
    return this.db.write((m) => m.save(goal));
  }
}
