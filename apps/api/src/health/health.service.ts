import { Injectable } from '@nestjs/common';
import type { HealthResponse, UpstreamHealth } from '@goalpost/contracts';
import { Gauge } from 'prom-client';
import { Db } from '../database/db.service';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { DeliveryWorker } from '../delivery/delivery.worker';
import { MetricsService } from '../metrics/metrics.service';
import { HealthRepository } from './health.repository';

const VERSION = '0.1.0';

@Injectable()
export class HealthService {
  private readonly pendingGauge: Gauge;
  private readonly circuitGauge: Gauge;

  constructor(
    private readonly db: Db,
    private readonly database: HealthRepository,
    private readonly worker: DeliveryWorker,
    private readonly deliveries: DeliveryRepository,
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
    let database: HealthResponse['database'] = { ok: true, dialect: this.db.dialect, writable: true };
    let pending = 0;
    try {
      await this.database.ping();
      pending = await this.deliveries.countByState('pending');
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
      database = { ok: false, dialect: this.db.dialect, writable: this.db.writeHealth.writable, error: error instanceof Error ? error.message : String(error) };
    }
    const upstream = await this.upstream(pending);
    const lastTick = this.worker.lastTickAt;
    return {
      status: !database.ok ? 'down' : upstream.circuit !== 'closed' || !this.worker.isRunning ? 'degraded' : 'ok',
      database,
      worker: { running: this.worker.isRunning, lastTickAt: lastTick === null ? null : new Date(lastTick).toISOString(), pending },
      upstream,
      version: VERSION,
    };
  }

  async refreshGauges(): Promise<void> {
    this.pendingGauge.set(await this.deliveries.countByState('pending'));
    this.circuitGauge.set(this.worker.breaker.snapshot().circuit === 'closed' ? 0 : 1);
  }
}
