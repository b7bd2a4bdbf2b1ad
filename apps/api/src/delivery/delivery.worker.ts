import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
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

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: DeliveryRepository,
    private readonly settings: SettingsService,
    private readonly claim: ClaimStage,
    private readonly processor: DeliveryProcessor,
    private readonly metrics: MetricsService,
  ) {
    this.minClaim = Math.max(1, Math.ceil(config.delivery.concurrency / 2));
    const { circuitThreshold: threshold, circuitQuietMs: quietMs, circuitCooldownMs: cooldownMs, circuitMaxCooldownMs: maxCooldownMs } = config.delivery;
    this.breaker = new CircuitBreaker({ threshold, quietMs, cooldownMs, maxCooldownMs });
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
      const free = this.config.delivery.concurrency - this.inFlight.size;
      if (free > 0 && (free >= this.minClaim || this.inFlight.size === 0)) nextMs = await this.claimUnder(this.breaker.acquire(), free);
    } catch (error) {
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
        this.logger.error({ err: error, deliveryId: item.delivery.id }, 'delivery processing failed; the lease will expire and it will be retried');
      })
      .finally(() => {
        this.inFlight.delete(work);
        this.wake();
      });
    this.inFlight.add(work);
  }
}
