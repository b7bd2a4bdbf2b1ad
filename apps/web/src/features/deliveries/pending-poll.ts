import type { ConversionStatus } from '@goalpost/contracts';

/** How often a page showing a pending conversion looks again, so its status changes without a reload. */
export const PENDING_POLL_MS = 2500;

/** A `refetchInterval` value: poll while anything shown is still pending, and not at all otherwise. */
export const pendingPollInterval = (statuses: Iterable<ConversionStatus>): number | false => {
  for (const status of statuses) if (status === 'pending') return PENDING_POLL_MS;
  return false;
};
