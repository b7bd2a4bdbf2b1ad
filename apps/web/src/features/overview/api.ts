import type { OverviewPeriod, OverviewResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

export const getOverview = (period: OverviewPeriod, signal?: AbortSignal) => api.get<OverviewResponse>('/api/admin/overview', { period }, signal);
