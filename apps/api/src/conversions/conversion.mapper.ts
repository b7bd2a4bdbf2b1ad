import { formatValue } from '@goalpost/aflite';
import type { ConversionResponse } from '@goalpost/contracts';
import type { GoalEntity } from '../goals/goal.entity';
import type { ConversionEntity } from './conversion.entity';

/** A stored conversion as the API shows it; `goal` gives its name (null: the Aflite goal id stands in). */
export function toConversionResponse(c: ConversionEntity, goal: GoalEntity | null, duplicate: boolean): ConversionResponse {
  return {
    id: c.id,
    goalId: c.afliteGoalId,
    goalName: goal?.name ?? c.afliteGoalId,
    mref: c.mref,
    value: formatValue(c.valueMinor),
    valueMinor: c.valueMinor,
    status: c.status,
    attribution: c.attribution,
    clickSessionID: c.clickSessionId,
    source: c.source,
    test: c.isTest,
    createdAt: new Date(c.createdAt).toISOString(),
    deliveredAt: c.deliveredAt === null ? null : new Date(c.deliveredAt).toISOString(),
    duplicate,
  };
}
