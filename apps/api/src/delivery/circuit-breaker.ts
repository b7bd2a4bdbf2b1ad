import type { CircuitState } from '@goalpost/contracts';

export interface CircuitOptions {
  /** Consecutive upstream failures that open the circuit. */
  threshold: number;
  /** First wait before a probe; doubles after each failed probe up to maxCooldownMs. */
  cooldownMs: number;
  maxCooldownMs?: number;
}

/**
 * While Aflite is down, deliveries are held instead of burning their attempts: after `threshold`
 * consecutive upstream failures the circuit opens; after the cooldown one probe goes through
 * (half-open); its success closes the circuit, its failure re-opens it for twice as long.
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt: number | null = null;
  private retryAt = 0;
  private cooldown: number;
  private probing = false;
  private lastErrorText: string | null = null;

  constructor(
    private readonly options: CircuitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.cooldown = options.cooldownMs;
  }

  /** How many deliveries may start now: all when closed, one probe when half-open, none when open. */
  permits(): 'all' | 'probe' | 'none' {
    if (this.state === 'closed') return 'all';
    if (this.state === 'open' && this.now() >= this.retryAt) this.state = 'half-open';
    if (this.state === 'half-open' && !this.probing) return 'probe';
    return 'none';
  }

  /** Marks the single half-open probe as started. */
  startProbe(): void {
    this.probing = true;
  }

  recordSuccess(): void {
    this.state = 'closed';
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
    this.cooldown = this.options.cooldownMs;
    this.lastErrorText = null;
  }

  recordFailure(error: string): void {
    this.failures += 1;
    this.lastErrorText = error;
    if (this.state === 'half-open') {
      this.probing = false;
      this.cooldown = Math.min(this.cooldown * 2, this.options.maxCooldownMs ?? 300_000);
      this.open();
    } else if (this.state === 'closed' && this.failures >= this.options.threshold) {
      this.open();
    }
  }

  /** Ends a probe that produced no verdict about Aflite (e.g. the delivery was skipped). */
  abandonProbe(): void {
    this.probing = false;
  }

  /** Milliseconds until a probe may start (0 when not open). */
  msUntilProbe(): number {
    return this.state === 'open' ? Math.max(0, this.retryAt - this.now()) : 0;
  }

  snapshot() {
    return {
      circuit: this.permits() === 'probe' ? ('half-open' as const) : this.state,
      since: this.openedAt === null ? null : new Date(this.openedAt).toISOString(),
      consecutiveFailures: this.failures,
      lastError: this.lastErrorText,
    };
  }

  private open(): void {
    this.state = 'open';
    this.openedAt ??= this.now();
    this.retryAt = this.now() + this.cooldown;
  }
}
