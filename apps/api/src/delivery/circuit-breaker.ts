import type { CircuitState } from '@goalpost/contracts';

export interface CircuitOptions {
  /** Failures among the recent results that open the circuit, when they are also nearly all of them. */
  threshold: number;
  /**
   * How far back "recent" reaches (at most the last RECENT_RESULTS results). A flaky Aflite that still answers
   * a fair share of calls is up: its failures are retried per delivery, and the circuit stays closed.
   */
  windowMs: number;
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

/** The most recent results the failure share is taken over. */
export const RECENT_RESULTS = 20;
/** The share of recent results that must be failures for Aflite to count as down. */
export const DOWN_SHARE = 0.9;

/**
 * While Aflite is down, deliveries are held instead of burning their attempts. Closed: everything goes; at
 * least `threshold` failures that are also DOWN_SHARE of the recent results open it. Open: nothing goes until the
 * cooldown has passed. Half-open: one probe goes; its success closes the circuit, its failure re-opens it for
 * twice as long (capped). Handing out a permit and the transition it makes happen in one call, so nothing
 * can change the state between a probe being granted and it being counted as started.
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private epoch = 0;
  private failures = 0;
  private recent: { at: number; failed: boolean }[] = [];
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
    if (verdict === 'none') return;
    this.remember(verdict === 'down');
    if (verdict === 'up') {
      this.failures = 0;
      this.lastErrorText = null;
      return;
    }
    this.failures += 1;
    this.lastErrorText = reason ?? null;
    const failed = this.recent.filter((result) => result.failed).length;
    if (failed >= this.options.threshold && failed >= DOWN_SHARE * this.recent.length) this.open();
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

  private remember(failed: boolean): void {
    const since = this.now() - this.options.windowMs;
    this.recent.push({ at: this.now(), failed });
    const stale = this.recent.findIndex((result) => result.at >= since);
    this.recent = this.recent.slice(Math.max(stale, this.recent.length - RECENT_RESULTS));
  }

  private holdsProbe(ticket: Ticket): boolean {
    return ticket.epoch === this.epoch && ticket.probe !== null && ticket.probe === this.probe;
  }

  private open(): void {
    this.recent = [];
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
    this.recent = [];
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
