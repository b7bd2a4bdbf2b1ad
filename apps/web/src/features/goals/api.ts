import type { GoalRequest, GoalResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

const BASE = '/api/admin/goals';

export const listGoals = (signal?: AbortSignal) => api.get<GoalResponse[]>(BASE, undefined, signal);

export const createGoal = (body: GoalRequest) => api.post<GoalResponse>(BASE, body);

export const updateGoal = (id: number, body: Partial<GoalRequest>) => api.patch<GoalResponse>(`${BASE}/${id}`, body);
