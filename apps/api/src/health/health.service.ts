import { Injectable } from '@nestjs/common';
import type { CrossSiteHealth, HealthResponse, UpstreamHealth } from '@goalpost/contracts';
import { Gauge } from 'prom-client';
import { CrossSiteService } from '../clicks/cross-site/cross-site.service';
import { unavailableReason } from '../database/database-unavailable';
import { Db } from '../database/db.service';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { DeliveryWorker } from '../delivery/delivery.worker';
import { MetricsService } from '../metrics/metrics.service';
import { HealthRepository } from './health.repository';

const VERSION = '0.1.0';

/** /health answers within about this long even when the database does not answer at all. */
export const HEALTH_DATABASE_TIMEOUT_MS = 2_000;

interface DatabaseProbe {
  database: HealthResponse['database'];
  pending: number;
  /** Null when the database did not say. */
  crossSite: CrossSiteHealth | null;
}

@Injectable()
export class HealthService {
  private readonly pendingGauge: Gauge;
  private readonly circuitGauge: Gauge;
  /** The probe still running, shared by the /health calls that arrive meanwhile, so a hung database does not pile them up. */
  private probing: Promise<DatabaseProbe> | null = null;

  constructor(
    private readonly db: Db,
    private readonly database: HealthRepository,
    private readonly worker: DeliveryWorker,
    private readonly deliveries: DeliveryRepository,
    private readonly crossSite: CrossSiteService,
    metrics: MetricsService,
  ) {
    this.pendingGauge = new Gauge({ name: 'goalpost_deliveries_pending', help: 'Deliveries waiting to be sent', registers: [metrics.registry] });
    this.circuitGauge = new Gauge({
      name: 'goalpost_upstream_circuit_open',
      help: '1 while deliveries are held because Aflite is failing',
      registers: [metrics.registry],
    });
  }

  async upstream(pending?: number): Promise<UpstreamHealth> {
    const snapshot = this.worker.breaker.snapshot();
    const held = snapshot.circuit === 'closed' ? 0 : (pending ?? (await this.deliveries.countByState('pending')));
    return { ...snapshot, held };
  }

  async check(): Promise<HealthResponse> {
    const { database, pending, crossSite } = await this.probeWithin(HEALTH_DATABASE_TIMEOUT_MS);
    const upstream = await this.upstream(pending);
    const lastTick = this.worker.lastTickAt;
    return {
      status: !database.ok ? 'down' : upstream.circuit !== 'closed' || !this.worker.isRunning ? 'degraded' : 'ok',
      database,
      worker: { running: this.worker.isRunning, lastTickAt: lastTick === null ? null : new Date(lastTick).toISOString(), pending },
      upstream,
      tracking: { crossSite: crossSite ?? this.crossSite.reportFromMemory() },
      version: VERSION,
    };
  }

  /** The database probe, or "not reachable" once `ms` pass without its answer (the probe goes on and is reused). */
  private async probeWithin(ms: number): Promise<DatabaseProbe> {
    const probe = (this.probing ??= this.probeDatabase().finally(() => (this.probing = null)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DatabaseProbe>((resolve) => {
      timer = setTimeout(() => {
        const error = `not reachable: no answer within ${ms} ms`;
        resolve({ database: { ok: false, dialect: this.db.dialect, writable: this.db.writeHealth.writable, error }, pending: 0, crossSite: null });
      }, ms);
    });
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async probeDatabase(): Promise<DatabaseProbe> {
    let database: HealthResponse['database'] = { ok: true, dialect: this.db.dialect, writable: true };
    let pending = 0;
    let crossSite: CrossSiteHealth | null = null;
    try {
      await this.database.ping();
      pending = await this.deliveries.countByState('pending');
      crossSite = await this.crossSite.report();
      const writes = this.db.writeHealth.writable ? this.db.writeHealth : await this.db.probeWrite();
      if (!writes.writable) {
        database = {
          ok: false,
          dialect: this.db.dialect,
          writable: false,
          error: `not writable since ${new Date(writes.since ?? Date.now()).toISOString()}: ${writes.reason}`,
        };
      }
    } catch (error) {
      const reason = unavailableReason(error);
      const message = error instanceof Error ? error.message : String(error);
      database = { ok: false, dialect: this.db.dialect, writable: this.db.writeHealth.writable, error: reason ? `not reachable: ${reason}` : message };
    }
    return { database, pending, crossSite };
  }

  async refreshGauges(): Promise<void> {
    this.pendingGauge.set(await this.deliveries.countByState('pending'));
    this.circuitGauge.set(this.worker.breaker.snapshot().circuit === 'closed' ? 0 : 1);
  }
}
