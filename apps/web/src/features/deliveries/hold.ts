import type { DeliveryHold } from '@goalpost/contracts';
import { formatDateTimeWithZone } from '../../lib/format';

/** Why a pending delivery is not on its way, in the merchant's words. */
export function holdLabel(hold: DeliveryHold, timeZone?: string): string {
  switch (hold.reason) {
    case 'aflite-down':
      return 'Held: Aflite is not answering';
    case 'not-configured':
      return 'Held: the Aflite API key or merchant ID is not set';
    case 'retry-wait':
      return `Waiting to retry at ${formatDateTimeWithZone(hold.until, { timeZone })}`;
  }
}

/** What happens next, for the detail page: a sentence after the label. */
export function holdExplanation(hold: DeliveryHold, timeZone?: string): string {
  switch (hold.reason) {
    case 'aflite-down':
      return `Aflite failed nearly every recent call${hold.since ? ` since ${formatDateTimeWithZone(hold.since, { timeZone })}` : ''}, so Goalpost holds deliveries instead of using up their attempts. It tries again by itself and sends them once Aflite answers.`;
    case 'not-configured':
      return 'Nothing can be sent to Aflite until both are set in Settings. Deliveries wait without using up their attempts.';
    case 'retry-wait':
      return 'The last attempt did not get through. Goalpost tries again by itself at that time.';
  }
}
