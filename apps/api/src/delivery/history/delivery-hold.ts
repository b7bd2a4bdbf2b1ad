import type { CircuitState, DeliveryHold } from '@goalpost/contracts';
import { toIso } from '../../database/sql-params';
import type { DeliveryEntity } from '../delivery.entity';

/** What holds every pending delivery back at the moment, read once per request. */
export interface HoldContext {
  now: number;
  /** The Aflite API key and merchant ID are both set. */
  configured: boolean;
  circuit: CircuitState;
  /** When the circuit opened (ISO), as /health shows it. */
  circuitSince: string | null;
}

type HoldFields = Pick<DeliveryEntity, 'state' | 'nextAttemptAt' | 'leaseOwner' | 'leaseUntil'>;

/**
 * Why a delivery waits, in the order that decides when it can leave: nothing is sent while Aflite is not
 * configured (the worker postpones it), nothing while the circuit is open (a half-open circuit lets one probe
 * through, which is then leased), and otherwise a delivery waits out its retry time. A leased delivery is being
 * sent now, and a due one goes with the next claim: neither is held.
 */
export function holdOf(delivery: HoldFields | null, context: HoldContext): DeliveryHold | null {
  if (!delivery || delivery.state !== 'pending') return null;
  if (delivery.leaseOwner !== null && delivery.leaseUntil !== null && delivery.leaseUntil > context.now) return null;
  if (!context.configured) return { reason: 'not-configured' };
  if (context.circuit !== 'closed') return { reason: 'aflite-down', since: context.circuitSince };
  if (delivery.nextAttemptAt > context.now) return { reason: 'retry-wait', until: toIso(delivery.nextAttemptAt) as string };
  return null;
}
