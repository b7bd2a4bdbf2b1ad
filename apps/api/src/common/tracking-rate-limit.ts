import fastifyRateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';
import { SnapshotLocalStore } from './rate-limit-store';

/** Routes of one group share one budget per client address: the pixel and the snippet's click post are one way in. */
export type TrackingLimitGroup = 'clicks' | 'goals';

export interface TrackingLimits {
  clicksPerMinute: number;
  goalsPerMinute: number;
}

type OnRequestHook = Extract<NonNullable<RouteOptions['onRequest']>, unknown[]>[number];

const ROUTE_CONFIG_KEY = 'trackingLimit';
const WINDOW_MS = 60_000;
/** Addresses remembered per group; the least recently seen is forgotten first. */
const ADDRESSES_KEPT = 10_000;

const WHAT: Record<TrackingLimitGroup, string> = { clicks: 'clicks', goals: 'browser goals' };

/** Marks a public route as limited per client address; each group's limit is read from the configuration at boot. */
export const TrackingRateLimit = (group: TrackingLimitGroup) => RouteConfig({ [ROUTE_CONFIG_KEY]: group });

/**
 * Registers @fastify/rate-limit and puts its per-address check in front of every route marked with
 * TrackingRateLimit (before the body is read). The address is Fastify's `request.ip` (IPv6 grouped by
 * /64), so TRUST_PROXY decides whether a proxy's X-Forwarded-For counts. Counts are kept in this
 * process's memory: each instance of a scaled-out deployment counts on its own. Must run before the
 * routes are registered (createApp, before init).
 */
export async function registerTrackingRateLimits(app: NestFastifyApplication, limits: TrackingLimits): Promise<void> {
  await app.register(fastifyRateLimit, { global: false, store: SnapshotLocalStore });
  const fastify = app.getHttpAdapter().getInstance();
  const limiter = (group: TrackingLimitGroup, max: number): OnRequestHook =>
    // The library types its handler as a preHandler; it is the same (request, reply) => Promise and is meant for onRequest too.
    fastify.rateLimit({
      max,
      timeWindow: WINDOW_MS,
      cache: ADDRESSES_KEPT,
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return new HttpException(
          {
            statusCode: HttpStatus.TOO_MANY_REQUESTS,
            error: 'too_many_requests',
            message: `Too many ${WHAT[group]} from this address: at most ${context.max} a minute. Try again in ${seconds} s (Retry-After).`,
          },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      },
    }) as unknown as OnRequestHook;
  const checks: Record<TrackingLimitGroup, OnRequestHook> = {
    clicks: limiter('clicks', limits.clicksPerMinute),
    goals: limiter('goals', limits.goalsPerMinute),
  };

  fastify.addHook('onRoute', (route) => {
    const group = (route.config as Record<string, unknown> | undefined)?.[ROUTE_CONFIG_KEY] as TrackingLimitGroup | undefined;
    if (!group) return;
    const check = checks[group];
    if (!check) throw new Error(`No tracking rate limit is configured for the group "${String(group)}"`);
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), check];
  });
}
