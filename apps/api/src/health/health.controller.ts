import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@goalpost/contracts';
import type { FastifyReply } from 'fastify';
import { MetricsService } from '../metrics/metrics.service';
import { HealthService } from './health.service';

@ApiTags('Operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Database, worker and upstream circuit state (503 when the database is down)' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const health = await this.health.check();
    reply.status(health.status === 'down' ? 503 : 200);
    return health;
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics' })
  async prometheus(): Promise<string> {
    await this.health.refreshGauges();
    return this.metrics.registry.metrics();
  }
}
