import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CircuitBreaker } from './circuit-breaker';
import { SettingsService } from '../settings/settings.service';
import type { Settings } from '../settings/settings.types';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryProcessor } from './delivery-processor';
import { leaseOwnerId } from './lease-owner';
import { MetricsService } from '../metrics/metrics.service';
import { ClaimStage, type PlannedDelivery } from './stages/claim';

/**
 * Claims due deliveries with a lease and processes up to `concurrency` at once. Woken at once when a
 * conversion is committed, otherwise it polls. Holds everything while the circuit is open.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly owner = leaseOwnerId();
  readonly breaker: CircuitBreaker;
  private readonly logger = new Logger('DeliveryWorker');
  private readonly inFlight = new Set<Promise<void>>();
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
    this.breaker = new CircuitBreaker({ threshold: config.delivery.circuitThreshold, cooldownMs: config.delivery.circuitCooldownMs });
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

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
    await this.repo.releaseAll(this.owner).catch((error: unknown) => this.logger.error({ err: error }, 'could not release leases'));
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    let nextMs = this.config.delivery.pollMs;
    try {
      this.lastTick = Date.now();
      const permits = this.breaker.permits();
      const free = this.config.delivery.concurrency - this.inFlight.size;
      if (permits === 'none') {
        nextMs = Math.min(Math.max(this.breaker.msUntilProbe(), 50), this.config.delivery.pollMs);
      } else if (free > 0 && (free >= this.minClaim || this.inFlight.size === 0)) {
        // Claiming a few slots at a time, not each one as it frees up, keeps the worker's commits (claim +
        // in-flight attempts, then the grouped outcomes) few on SQLite's single write path.
        const limit = permits === 'probe' ? 1 : free;
        const settings = await this.settings.get();
        const claimed = await this.claim.run({ owner: this.owner, now: Date.now(), limit, leaseMs: this.config.delivery.leaseMs, settings });
        if (permits === 'probe' && claimed.length > 0) this.breaker.startProbe();
        for (const item of claimed) this.track(item, permits === 'probe', settings);
        if (claimed.length === limit && permits === 'all') nextMs = 0;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'delivery tick failed');
    } finally {
      this.ticking = false;
      if (this.running) this.schedule(this.wakeRequested ? 0 : nextMs);
      this.wakeRequested = false;
    }
  }

  private track(item: PlannedDelivery, probe: boolean, settings: Settings): void {
    const work = this.processor
      .process(item, probe, settings)
      .then(({ upstream, reason }) => {
        if (upstream === 'up') this.breaker.recordSuccess();
        else if (upstream === 'down') this.breaker.recordFailure(reason ?? 'Aflite did not answer');
        else if (probe) this.breaker.abandonProbe();
        this.metrics.deliveries.inc({ upstream });
      })
      .catch((error: unknown) => {
        if (probe) this.breaker.abandonProbe();
        this.logger.error({ err: error, deliveryId: item.delivery.id }, 'delivery processing failed; the lease will expire and it will be retried');
      })
      .finally(() => {
        this.inFlight.delete(work);
        this.wake();
      });
    this.inFlight.add(work);
  }
}
