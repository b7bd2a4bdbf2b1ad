import { classifyRegisterGoal } from '@goalpost/aflite';
import type { SaleTraceConversion, UpstreamHealth } from '@goalpost/contracts';
import type { ConversionEntity } from '../../conversions/conversion.entity';
import type { DeliveryAttemptEntity } from '../../delivery/delivery-attempt.entity';
import type { DeliveryEntity } from '../../delivery/delivery.entity';
import { DASHBOARD_TIME_ZONE } from '../../common/dashboard-time';

export interface VerdictInput {
  conversion: ConversionEntity;
  delivery: DeliveryEntity | null;
  /** Oldest first. */
  attempts: DeliveryAttemptEntity[];
  upstream: UpstreamHealth;
  /** For unattributed conversions: whether any click was active in the attribution window before it. */
  clickInWindow: boolean;
  attributionWindowDays: number;
}

export type Verdict = Pick<SaleTraceConversion, 'verdict' | 'reason'>;

const when = new Intl.DateTimeFormat('en-GB', { timeZone: DASHBOARD_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
const at = (ms: number) => when.format(new Date(ms));

/** What happened to one conversion, in the merchant's words. */
export function verdictFor(input: VerdictInput): Verdict {
  const { conversion: c, delivery, attempts } = input;
  const lastSend = [...attempts].reverse().find((a) => a.kind === 'send');

  if (c.isTest) {
    if (c.status === 'delivered')
      return {
        reason: 'test',
        verdict: `Trace-only test, accepted by Aflite at ${at(c.deliveredAt ?? c.createdAt)}: it shows in Aflite's Trace Report and is never recorded as a sale.`,
      };
    return { reason: 'test', verdict: `Trace-only test, not accepted by Aflite: ${lastSend?.reason ?? 'no answer recorded'}.` };
  }

  switch (c.status) {
    case 'delivered':
      if (delivery?.reconciled) {
        return {
          reason: 'delivered',
          verdict: `Delivered: when Goalpost checked at ${at(c.deliveredAt ?? c.createdAt)}, Aflite already held this mref, so it was not sent a second time.`,
        };
      }
      return { reason: 'delivered', verdict: `Delivered to Aflite at ${at(c.deliveredAt ?? c.createdAt)}.` };

    case 'unattributed':
      if (!input.clickInWindow) {
        return {
          reason: 'no-click',
          verdict: `Not sent: no Aflite click was recorded in the ${input.attributionWindowDays} days before this sale, so no affiliate referred it (or click capture is not on the page the visitor landed on).`,
        };
      }
      return {
        reason: 'unattributed',
        verdict:
          "Not sent: the goal arrived without a clickSessionID and without a click cookie Goalpost knows, so Aflite could not credit an affiliate. Send the clickSessionID, or the visitor's gp_click cookie, with the goal.",
      };

    case 'failed': {
      const why = delivery?.lastError ?? lastSend?.reason ?? 'no reason recorded';
      if (lastSend && saysDuplicate(lastSend, c.mref)) {
        return {
          reason: 'duplicate',
          verdict: `Not accepted: Aflite says it already has mref ${c.mref} (a duplicate). Re-sending would only add another error for the affiliate.`,
        };
      }
      return { reason: 'rejected', verdict: `Not delivered: ${why}. Fix the cause, then re-send it.` };
    }

    case 'pending': {
      if (input.upstream.circuit !== 'closed') {
        const since = input.upstream.since ? ` since ${at(Date.parse(input.upstream.since))}` : '';
        return {
          reason: 'held',
          verdict: `Waiting: Aflite has been failing${since}, so deliveries are held rather than using up their attempts. It will be sent when Aflite recovers.`,
        };
      }
      const next = delivery ? ` Next try at ${at(delivery.nextAttemptAt)}.` : '';
      if (delivery && delivery.attemptCount > 0) {
        const plural = delivery.attemptCount === 1 ? '' : 's';
        return {
          reason: 'retrying',
          verdict: `Retrying: ${delivery.attemptCount} attempt${plural} so far (last answer: ${delivery.lastError ?? 'none'}).${next}`,
        };
      }
      if (delivery?.lastError) return { reason: 'pending', verdict: `Waiting: ${delivery.lastError}.${next}` };
      return { reason: 'pending', verdict: 'Queued: it will be sent to Aflite within seconds.' };
    }
  }
}

/** Asks the one classifier (libs/aflite) whether Aflite's stored answer said "duplicate". */
function saysDuplicate(attempt: DeliveryAttemptEntity, mref: string): boolean {
  if (attempt.statusCode === null || attempt.responseBody === null) return false;
  const headers = attempt.responseHeaders ? (JSON.parse(attempt.responseHeaders) as Record<string, string>) : {};
  return classifyRegisterGoal({ response: { status: attempt.statusCode, headers, body: attempt.responseBody }, merchantRef: mref }).duplicate === true;
}
