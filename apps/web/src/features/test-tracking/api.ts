import type { HelpResponse, RecentClicksResponse, TraceTestRequest, TraceTestResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

const BASE = '/api/admin/test-tracking';

export const sendTraceTest = (body: TraceTestRequest) => api.post<TraceTestResponse>(`${BASE}/trace`, body);

export const getAfliteHelp = (signal?: AbortSignal) => api.get<HelpResponse>(`${BASE}/help`, undefined, signal);

export const getRecentClicks = (since: string, signal?: AbortSignal) => api.get<RecentClicksResponse>(`${BASE}/clicks`, { since }, signal);
