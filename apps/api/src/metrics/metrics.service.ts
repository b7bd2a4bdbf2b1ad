import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per app instance (tests boot several in one process). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly clicks = new Counter({
    name: 'goalpost_clicks_recorded_total',
    help: 'Clicks recorded, by capture path',
    labelNames: ['via'] as const,
    registers: [this.registry],
  });
  readonly conversions = new Counter({
    name: 'goalpost_conversions_recorded_total',
    help: 'Conversions received, by source and result',
    labelNames: ['source', 'result'] as const,
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'goalpost_deliveries_processed_total',
    help: 'Deliveries processed by the worker, by what they said about Aflite',
    labelNames: ['upstream'] as const,
    registers: [this.registry],
  });
  readonly databaseUnavailable = new Counter({
    name: 'goalpost_database_unavailable_total',
    help: 'Database calls that failed because the database was unavailable (disk full, read-only, connection lost); none was acknowledged',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'goalpost_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'goalpost_' });
  }
}
