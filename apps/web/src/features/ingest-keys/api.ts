import type { CreatedIngestKeyResponse, IngestKeyResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

const BASE = '/api/admin/ingest-keys';

export const listIngestKeys = (signal?: AbortSignal) => api.get<IngestKeyResponse[]>(BASE, undefined, signal);

export const createIngestKey = (name: string) => api.post<CreatedIngestKeyResponse>(BASE, { name });

export const revokeIngestKey = (id: number) => api.delete<unknown>(`${BASE}/${id}`);
