import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ClicksService } from '../clicks/clicks.service';
import { settledBy } from '../common/settled-by';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ConversionsService } from '../conversions/conversions.service';
import { AfliteClient } from '../delivery/aflite-client';
import { DeliveryWorker } from '../delivery/delivery.worker';
import { RequestGate } from './request-gate';

/** What one stop did, for its log line and the tests. */
export interface ShutdownReport {
  tookMs: number;
  /** Accepted requests still unanswered when the grace period ran out. */
  requestsLeft: number;
  /** Deliveries still in flight when the grace period ran out, handed back for reconciliation. */
  deliveriesLeft: number;
  /** Whether the ingest writers committed everything queued within the grace period. */
  writesFlushed: boolean;
}

/**
 * The one place that orders a stop (SIGTERM, SIGINT or app.close()):
 *
 *   stop accepting (503 + Retry-After) and stop claiming deliveries, at once
 *   → answer the requests already accepted, then commit what the ingest writers hold and refuse the rest
 *   → let the deliveries in flight finish (both drains share one SHUTDOWN_GRACE_MS deadline)
 *   → close the Aflite pool, hand leases back
 *
 * after which Nest closes Fastify (destroying any socket still open) and TypeORM closes the database.
 * It runs in onModuleDestroy, the first hook of app.close(), from the root module, whose providers Nest
 * destroys before those of the modules it imports; the features have no shutdown hooks of their own
 * for this, so nothing closes before what depends on it is done.
 */
@Injectable()
export class ShutdownService implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');
  private report: ShutdownReport | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gate: RequestGate,
    private readonly conversions: ConversionsService,
    private readonly clicks: ClicksService,
    private readonly worker: DeliveryWorker,
    private readonly aflite: AfliteClient,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** The last stop's figures (null before one ran). */
  get lastReport(): ShutdownReport | null {
    return this.report;
  }

  async stop(): Promise<ShutdownReport> {
    const started = Date.now();
    const deadline = started + this.config.shutdownGraceMs;
    this.gate.close();
    const requests = this.gate.inFlight;
    this.logger.log({ requests, graceMs: this.config.shutdownGraceMs }, 'stopping: new requests are refused with 503, accepted ones are finished');

    const [ingest, deliveriesLeft] = await Promise.all([this.drainIngest(deadline), this.worker.drain(deadline)]);
    await this.aflite.close();
    await this.worker.releaseLeases();

    const report: ShutdownReport = { tookMs: Date.now() - started, ...ingest, deliveriesLeft };
    this.report = report;
    if (report.requestsLeft > 0 || !report.writesFlushed || report.deliveriesLeft > 0) {
      this.logger.warn(report, 'SHUTDOWN_GRACE_MS ran out: what was still running is cut off (nothing unanswered was acknowledged)');
    } else {
      this.logger.log(report, 'stopped: every accepted request answered, every queued write committed, every delivery finished');
    }
    return report;
  }

  /** Answers the accepted requests, then commits what they queued; later submits are refused with 503. */
  private async drainIngest(deadline: number): Promise<Pick<ShutdownReport, 'requestsLeft' | 'writesFlushed'>> {
    await settledBy([this.gate.whenIdle()], deadline);
    const requestsLeft = this.gate.inFlight;
    const writesFlushed = await settledBy([this.conversions.finishWrites(), this.clicks.finishWrites()], deadline);
    return { requestsLeft, writesFlushed };
  }
}
