import type { AuditListResponse } from '@goalpost/contracts';
import { api } from '../../api/client';

export const AUDIT_PAGE_SIZE = 50;

export const listAudit = (cursor: string | null, signal?: AbortSignal) =>
  api.get<AuditListResponse>('/api/admin/audit', { cursor, limit: AUDIT_PAGE_SIZE }, signal);
