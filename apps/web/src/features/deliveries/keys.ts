import type { DeliveryFilters } from './url-filters';

export const deliveryKeys = {
  all: ['deliveries'] as const,
  lists: () => [...deliveryKeys.all, 'list'] as const,
  list: (filters: DeliveryFilters) => [...deliveryKeys.lists(), filters] as const,
  details: () => [...deliveryKeys.all, 'detail'] as const,
  detail: (id: number) => [...deliveryKeys.details(), id] as const,
  resendPreviews: () => [...deliveryKeys.all, 'resend-preview'] as const,
  resendPreview: (filters: DeliveryFilters) => [...deliveryKeys.resendPreviews(), filters] as const,
  resendJobs: () => [...deliveryKeys.all, 'resend-jobs'] as const,
  resendJobList: () => [...deliveryKeys.resendJobs(), 'list'] as const,
  resendJob: (id: number) => [...deliveryKeys.resendJobs(), id] as const,
};
