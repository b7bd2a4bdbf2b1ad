import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { unavailableReason } from '../database/database-unavailable';
import { CircuitBreaker, type Permit, type Ticket } from './circuit-breaker';
import { SettingsService } from '../settings/settings.service';
import type { Settings } from '../settings/settings.types';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryProcessor } from './delivery-processor';
import { leaseOwnerId } from './lease-owner';
import { MetricsService } from '../metrics/metrics.service';
import { ClaimStage, type PlannedDelivery } from './stages/claim';
import { settledBy } from '../common/settled-by';

/** After Aflite's pool is closed, deliveries still running fail at once; this is how long they get to settle. */
const ABANDONED_SETTLE_MS = 1_000;

/**
 * Claims due deliveries with a lease and processes up to `concurrency` at once. Woken at once when a
 * conversion is committed, otherwise it polls. Holds everything while the circuit is open.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap {
  readonly owner = leaseOwnerId();
  readonly breaker: CircuitBreaker;
  private readonly logger = new Logger('DeliveryWorker');
  private readonly inFlight = new Set<Promise<void>>();
  /** Ticks running now, a claim among them: a stop waits for them, so no claim is cut off by the pools closing. */
  private readonly ticks = new Set<Promise<void>>();
  private running = false;
  private ticking = false;
  private wakeRequested = false;
  private timer: NodeJS.Timeout | null = null;
  private lastTick: number | null = null;
  private readonly minClaim: number;
  /** Deliveries being processed right now: their leases are in use, whatever happens to the database. */
  private readonly processing = new Set<number>();
  /** Database errors that may have left a lease with nothing working on it; a tick that can reach the database gives those back. */
  private strandingErrors = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: DeliveryRepository,
    private readonly settings: SettingsService,
    private readonly claim: ClaimStage,
    private readonly processor: DeliveryProcessor,
    private readonly metrics: MetricsService,
  ) {
    this.minClaim = Math.max(1, Math.ceil(config.delivery.concurrency / 2));
    const { circuitThreshold: threshold, circuitWindowMs: windowMs, circuitCooldownMs: cooldownMs, circuitMaxCooldownMs: maxCooldownMs } = config.delivery;
    this.breaker = new CircuitBreaker({ threshold, windowMs, cooldownMs, maxCooldownMs });
  }

  get isRunning(): boolean {
    return this.running;
  }

  get lastTickAt(): number | null {
    return this.lastTick;
  }

  onApplicationBootstrap(): void {
    if (this.config.workerEnabled) this.start();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Called after a commit that made a delivery due: no need to wait for the next poll. */
  wake(): void {
    if (!this.running) return;
    if (this.ticking) this.wakeRequested = true;
    else this.schedule(0);
  }

  /** Shutdown, first step: claims nothing more from now on; resolves once a claim in progress has finished. */
  async stopClaiming(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.ticks]);
  }

  /** Shutdown: waits for the deliveries in flight until `deadline` (epoch ms); answers how many are still running. */
  async drain(deadline: number): Promise<number> {
    await this.stopClaiming();
    await settledBy([...this.inFlight], deadline);
    return this.inFlight.size;
  }

  /**
   * Shutdown, once Aflite's pool is closed (deliveries still running then fail without an attempt being
   * recorded, see AfliteClient.close): lets them settle, commits what the worker queued, and hands every
   * lease this instance holds back. A send cut short keeps its attempt in flight and its delivery flagged
   * for reconciliation, so whoever claims it next asks Aflite before sending again.
   */
  async releaseLeases(): Promise<void> {
    const abandoned = this.inFlight.size;
    if (abandoned > 0) {
      this.logger.warn(
        { deliveries: abandoned },
        'deliveries still in flight at the end of SHUTDOWN_GRACE_MS: left in flight and handed back for reconciliation',
      );
    }
    await settledBy([...this.inFlight], Date.now() + ABANDONED_SETTLE_MS);
    await settledBy([this.repo.finishWrites()], Date.now() + ABANDONED_SETTLE_MS);
    await this.repo.releaseAll(this.owner).catch((error: unknown) => this.logger.error({ err: error }, 'could not release leases'));
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const tick = this.tick().finally(() => this.ticks.delete(tick));
      this.ticks.add(tick);
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    let nextMs = this.config.delivery.pollMs;
    try {
      this.lastTick = Date.now();
      await this.releaseStrandedLeases();
      const free = this.config.delivery.concurrency - this.inFlight.size;
      if (free > 0 && (free >= this.minClaim || this.inFlight.size === 0)) nextMs = await this.claimUnder(this.breaker.acquire(), free);
    } catch (error) {
      this.noteDatabaseError(error);
      this.logger.error({ err: error }, 'delivery tick failed');
    } finally {
      this.ticking = false;
      if (this.running) this.schedule(this.wakeRequested ? 0 : nextMs);
      this.wakeRequested = false;
    }
  }

  /** Claims what the permit allows and starts it; answers how long until the next tick. */
  private async claimUnder(permit: Permit, free: number): Promise<number> {
    const pollMs = this.config.delivery.pollMs;
    if (permit.kind === 'none') return Math.min(Math.max(permit.retryInMs, 50), pollMs);
    // Claiming a few slots at a time, not each one as it frees up, keeps the worker's commits (claim +
    // in-flight attempts, then the grouped outcomes) few on SQLite's single write path.
    const limit = permit.kind === 'probe' ? 1 : free;
    let claimed: PlannedDelivery[] = [];
    try {
      const settings = await this.settings.get();
      claimed = await this.claim.run({ owner: this.owner, now: Date.now(), limit, leaseMs: this.config.delivery.leaseMs, settings });
      for (const item of claimed) this.track(item, permit.ticket, settings);
    } finally {
      if (claimed.length === 0) this.breaker.release(permit.ticket);
    }
    return claimed.length === limit && permit.kind === 'all' ? 0 : pollMs;
  }

  private track(item: PlannedDelivery, ticket: Ticket, settings: Settings): void {
    const work = this.processor
      .process(item, ticket.probe !== null, settings)
      .then(({ upstream, reason }) => {
        this.breaker.settle(ticket, upstream, reason ?? 'Aflite did not answer');
        this.metrics.deliveries.inc({ upstream });
      })
      .catch((error: unknown) => {
        this.breaker.release(ticket);
        const retry = this.noteDatabaseError(error) ? 'its lease is given back once the database answers' : 'the lease will expire';
        this.logger.error({ err: error, deliveryId: item.delivery.id }, `delivery processing failed; ${retry} and it will be retried`);
      })
      .finally(() => {
        this.processing.delete(item.delivery.id);
        this.inFlight.delete(work);
        this.wake();
      });
    this.inFlight.add(work);
    this.processing.add(item.delivery.id);
  }

  /**
   * A claim whose COMMIT went unanswered may have committed, and an outcome that could not be written leaves
   * its delivery leased: either way nothing here works on it any more, and without this it would wait out
   * the whole lease. Answers whether `error` was such a database error.
   */
  private noteDatabaseError(error: unknown): boolean {
    if (unavailableReason(error) === null) return false;
    this.strandingErrors += 1;
    return true;
  }

  /**
   * After a database error, gives back every lease of this instance that no delivery in progress uses, once
   * the database answers again: one try per tick until one succeeds. Runs inside tick(), before it claims,
   * so no claim of this instance is half-way (committed but not yet tracked) while it does.
   */
  private async releaseStrandedLeases(): Promise<void> {
    const errors = this.strandingErrors;
    if (errors === 0) return;
    const released = await this.repo.releaseIdle(this.owner, [...this.processing]);
    // Errors noted while this ran may have stranded more; the next tick looks again.
    this.strandingErrors -= errors;
    if (released > 0) this.logger.warn({ released }, 'gave back leases a database error left idle: their deliveries are retried now');
  }
}
