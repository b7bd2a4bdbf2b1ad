import type {
  DeliveryDetailResponse,
  DeliveryFilter,
  DeliveryListResponse,
  ResendJobListResponse,
  ResendJobResponse,
  ResendPreviewResponse,
  ResendRequest,
  ResendResponse,
  StartResendJobRequest,
} from '@goalpost/contracts';
import { api, buildUrl } from '../../api/client';

export const DELIVERY_PAGE_SIZE = 50;
const BASE = '/api/admin/deliveries';

export const listDeliveries = (filter: DeliveryFilter, cursor: string | null, signal?: AbortSignal) =>
  api.get<DeliveryListResponse>(BASE, { ...filter, cursor, limit: DELIVERY_PAGE_SIZE }, signal);

export const getDelivery = (id: number, signal?: AbortSignal) => api.get<DeliveryDetailResponse>(`${BASE}/${id}`, undefined, signal);

export const resendDeliveries = (body: ResendRequest) => api.post<ResendResponse>(`${BASE}/resend`, body);

export const previewResendJob = (filter: DeliveryFilter) => api.post<ResendPreviewResponse>(`${BASE}/resend-jobs/preview`, { filter });

export const startResendJob = (body: StartResendJobRequest) => api.post<ResendJobResponse>(`${BASE}/resend-jobs`, body);

export const listResendJobs = (signal?: AbortSignal) => api.get<ResendJobListResponse>(`${BASE}/resend-jobs`, undefined, signal);

export const getResendJob = (id: number, signal?: AbortSignal) => api.get<ResendJobResponse>(`${BASE}/resend-jobs/${id}`, undefined, signal);

/** A plain link: the browser downloads the file with the session cookie. */
export const deliveriesCsvUrl = (filter: DeliveryFilter) => buildUrl(`${BASE}/export.csv`, { ...filter });
