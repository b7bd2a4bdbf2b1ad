import type { CrossSiteHealth, HelpResponse, RecentClicksResponse, TraceTestRequest, TraceTestResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

const BASE = '/api/admin/test-tracking';

export const sendTraceTest = (body: TraceTestRequest) => api.post<TraceTestResponse>(`${BASE}/trace`, body);

export const getAfliteHelp = (signal?: AbortSignal) => api.get<HelpResponse>(`${BASE}/help`, undefined, signal);

export const getRecentClicks = (since: string, signal?: AbortSignal) => api.get<RecentClicksResponse>(`${BASE}/clicks`, { since }, signal);

export const getCrossSite = (signal?: AbortSignal) => api.get<CrossSiteHealth>(`${BASE}/cross-site`, undefined, signal);

export const clearCrossSite = () => api.delete<undefined>(`${BASE}/cross-site`);
