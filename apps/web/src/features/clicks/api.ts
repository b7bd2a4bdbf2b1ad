import type { ClickDetailResponse, ClickListResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

export const CLICK_PAGE_SIZE = 50;
const BASE = '/api/admin/clicks';

export const listClicks = (search: string, cursor: string | null, signal?: AbortSignal, limit = CLICK_PAGE_SIZE) =>
  api.get<ClickListResponse>(BASE, { q: search, cursor, limit }, signal);

export const getClick = (id: number, signal?: AbortSignal) => api.get<ClickDetailResponse>(`${BASE}/${id}`, undefined, signal);
