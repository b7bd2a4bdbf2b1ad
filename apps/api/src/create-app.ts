import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type AppOptions } from './app.module';
import { applyBodyRules } from './common/body-rules';
import { fastifyTrustProxy } from './config/trust-proxy';
import { registerCompression, registerSecurityHeaders } from './common/response-protections';
import { registerTrackingRateLimits } from './common/tracking-rate-limit';
import { createValidationPipe } from './common/validation';
import { JsonLogger } from './common/json-logger';
import type { AppConfig } from './config/app-config';
import { RequestGate } from './lifecycle/request-gate';
import { MetricsService } from './metrics/metrics.service';
import { serveDashboard } from './web/serve-dashboard';
import { DASHBOARD_ROOT } from './web/web.controller';

/**
 * Builds the whole application (used by main, the demo and the tests); call `listen`, then
 * `applyEnvironmentSettings`, on the result, and `close` to stop it gracefully (ShutdownService). Signals are
 * the caller's: main uses exitOnSignals.
 */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const logger = new JsonLogger(config.logLevel);
  // From the stop on, the RequestGate answers new requests 503 with Retry-After (Fastify's own 503 would come
  // only once it closes, without one); by the time Fastify closes, the accepted requests are answered and any
  // socket still open is destroyed rather than waited for.
  const adapter = new FastifyAdapter({
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 64 * 1024,
    return503OnClosing: false,
    forceCloseConnections: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, { logger, bufferLogs: true });
  app.get(RequestGate).install(app.getHttpAdapter().getInstance());
  await app.register(fastifyCookie);
  registerSecurityHeaders(app);
  await registerCompression(app);
  await registerTrackingRateLimits(app, config.trackingLimits);
  const dashboardRoot = app.get<string | null>(DASHBOARD_ROOT);
  if (dashboardRoot) await serveDashboard(app, dashboardRoot);
  applyBodyRules(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(createValidationPipe());
  timeRequests(app);

  const openApi = new DocumentBuilder()
    .setTitle('Goalpost')
    .setDescription('Conversion relay for the Aflite affiliate network')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An ingest key (gpk_…)' })
    .addCookieAuth('gp_session', { type: 'apiKey', in: 'cookie', description: 'Dashboard session; state-changing calls also need x-csrf-token' })
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  return app;
}

function timeRequests(app: NestFastifyApplication): void {
  const histogram = app.get(MetricsService).httpDuration;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
