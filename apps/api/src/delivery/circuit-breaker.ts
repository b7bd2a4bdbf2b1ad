import type { CircuitState } from '@goalpost/contracts';

export interface CircuitOptions {
  /** Consecutive upstream failures, with no success for `quietMs`, that open the circuit. */
  threshold: number;
  /**
   * How long Aflite must have gone without one good answer before failures open the circuit. A flaky Aflite
   * that still answers some calls is up: its failures are retried per delivery, and the circuit stays closed.
   */
  quietMs: number;
  /** First wait before a probe; doubles after each failed probe up to maxCooldownMs. */
  cooldownMs: number;
  maxCooldownMs: number;
}

/**
 * What a delivery is started under. Only results carrying a ticket of the current epoch move the circuit:
 * a result that comes back after the circuit changed state says nothing about Aflite now, and is ignored.
 */
export interface Ticket {
  readonly epoch: number;
  /** Set on the half-open circuit's one probe; only the delivery holding it can settle the probe. */
  readonly probe: number | null;
}

export type Permit = { kind: 'all'; ticket: Ticket } | { kind: 'probe'; ticket: Ticket } | { kind: 'none'; retryInMs: number };

export type UpstreamVerdict = 'up' | 'down' | 'none';

/**
 * While Aflite is down, deliveries are held instead of burning their attempts. Closed: everything goes;
 * `threshold` consecutive failures with no good answer for `quietMs` open it. Open: nothing goes until the
 * cooldown has passed. Half-open: one probe goes; its success closes the circuit, its failure re-opens it for
 * twice as long (capped). Handing out a permit and the transition it makes happen in one call, so nothing
 * can change the state between a probe being granted and it being counted as started.
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private epoch = 0;
  private failures = 0;
  private lastSuccessAt = Number.NEGATIVE_INFINITY;
  private openedAt: number | null = null;
  private retryAt = 0;
  private cooldown: number;
  private probe: number | null = null;
  private probes = 0;
  private lastErrorText: string | null = null;

  constructor(
    private readonly options: CircuitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.cooldown = options.cooldownMs;
  }

  /** May deliveries start now? In half-open this takes the one probe slot: release or settle its ticket. */
  acquire(): Permit {
    if (this.state === 'open') {
      const wait = this.retryAt - this.now();
      if (wait > 0) return { kind: 'none', retryInMs: wait };
      this.moveTo('half-open');
    }
    if (this.state === 'half-open') {
      if (this.probe !== null) return { kind: 'none', retryInMs: 0 };
      this.probe = ++this.probes;
      return { kind: 'probe', ticket: { epoch: this.epoch, probe: this.probe } };
    }
    return { kind: 'all', ticket: { epoch: this.epoch, probe: null } };
  }

  /** The ticket was not used (nothing was claimed, or the delivery said nothing about Aflite). */
  release(ticket: Ticket): void {
    if (this.holdsProbe(ticket)) this.probe = null;
  }

  /** Counts what one delivery's call said about Aflite. Stale tickets are ignored. */
  settle(ticket: Ticket, verdict: UpstreamVerdict, reason?: string): void {
    if (ticket.epoch !== this.epoch) return;
    if (this.state === 'half-open') {
      if (!this.holdsProbe(ticket)) return;
      this.probe = null;
      if (verdict === 'up') this.close();
      else if (verdict === 'down') this.reopen(reason);
      return;
    }
    if (verdict === 'up') {
      this.failures = 0;
      this.lastSuccessAt = this.now();
      this.lastErrorText = null;
    } else if (verdict === 'down') {
      this.failures += 1;
      this.lastErrorText = reason ?? null;
      if (this.failures >= this.options.threshold && this.now() - this.lastSuccessAt >= this.options.quietMs) this.open();
    }
  }

  snapshot() {
    const halfOpen = this.state === 'half-open' || (this.state === 'open' && this.now() >= this.retryAt);
    return {
      circuit: halfOpen ? ('half-open' as const) : this.state,
      since: this.openedAt === null ? null : new Date(this.openedAt).toISOString(),
      consecutiveFailures: this.failures,
      lastError: this.lastErrorText,
    };
  }

  private holdsProbe(ticket: Ticket): boolean {
    return ticket.epoch === this.epoch && ticket.probe !== null && ticket.probe === this.probe;
  }

  private open(): void {
    this.openedAt = this.now();
    this.retryAt = this.now() + this.cooldown;
    this.moveTo('open');
  }

  private reopen(reason: string | undefined): void {
    this.failures += 1;
    this.lastErrorText = reason ?? this.lastErrorText;
    this.cooldown = Math.min(this.cooldown * 2, this.options.maxCooldownMs);
    this.retryAt = this.now() + this.cooldown;
    this.moveTo('open');
  }

  private close(): void {
    this.failures = 0;
    this.lastSuccessAt = this.now();
    this.openedAt = null;
    this.cooldown = this.options.cooldownMs;
    this.lastErrorText = null;
    this.moveTo('closed');
  }

  private moveTo(state: CircuitState): void {
    this.state = state;
    this.epoch += 1;
  }
}
