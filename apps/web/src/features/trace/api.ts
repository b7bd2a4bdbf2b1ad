import type { SaleTraceResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

export const traceSale = (query: string, signal?: AbortSignal) => api.get<SaleTraceResponse>('/api/admin/trace', { q: query }, signal);
