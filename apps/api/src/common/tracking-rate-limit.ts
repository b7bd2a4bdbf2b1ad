import fastifyRateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { SnapshotLocalStore } from './rate-limit-store';

/** Routes of one group share one budget per client address: the pixel and the snippet's click post are one way in. */
export type TrackingLimitGroup = 'clicks' | 'goals';

export interface TrackingLimits {
  clicksPerMinute: number;
  goalsPerMinute: number;
}

type OnRequestHook = Extract<NonNullable<RouteOptions['onRequest']>, unknown[]>[number];
type LimitCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const ROUTE_CONFIG_KEY = 'trackingLimit';
const HANDLER_DECIDES_KEY = 'trackingLimitHandlerDecides';
const WINDOW_MS = 60_000;
/** Addresses remembered per group; the least recently seen is forgotten first. */
const ADDRESSES_KEPT = 10_000;

const WHAT: Record<TrackingLimitGroup, string> = { clicks: 'clicks', goals: 'browser goals' };

/** The 429 a request over its limit would have had, on routes whose handler decides what it gets. */
const overLimit = new WeakMap<FastifyRequest, HttpException>();

/**
 * Marks a public route as limited per client address; each group's limit is read from the configuration at
 * boot. With `handlerDecides`, a request over the limit still reaches the handler, which must ask
 * trackingLimitExceeded() and store nothing for it (the redirect link still sends its visitor on).
 */
export const TrackingRateLimit = (group: TrackingLimitGroup, options: { handlerDecides?: boolean } = {}) =>
  RouteConfig({ [ROUTE_CONFIG_KEY]: group, [HANDLER_DECIDES_KEY]: options.handlerDecides === true });

/** On a `handlerDecides` route: the 429 (with Retry-After already on the reply) when this request is over its limit. */
export function trackingLimitExceeded(request: FastifyRequest): HttpException | undefined {
  return overLimit.get(request);
}

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
  const limiter = (group: TrackingLimitGroup, max: number): LimitCheck =>
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
    }) as unknown as LimitCheck;
  const checks: Record<TrackingLimitGroup, LimitCheck> = {
    clicks: limiter('clicks', limits.clicksPerMinute),
    goals: limiter('goals', limits.goalsPerMinute),
  };

  fastify.addHook('onRoute', (route) => {
    const group = (route.config as Record<string, unknown> | undefined)?.[ROUTE_CONFIG_KEY] as TrackingLimitGroup | undefined;
    if (!group) return;
    const check = checks[group];
    if (!check) throw new Error(`No tracking rate limit is configured for the group "${String(group)}"`);
    const handlerDecides = (route.config as Record<string, unknown>)[HANDLER_DECIDES_KEY] === true;
    const hook = (handlerDecides ? markingOverLimit(check) : check) as unknown as OnRequestHook;
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), hook];
  });
}

/** The check, keeping its 429 for the handler instead of answering with it. */
function markingOverLimit(check: LimitCheck): LimitCheck {
  return async (request, reply) => {
    try {
      await check(request, reply);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() !== HttpStatus.TOO_MANY_REQUESTS) throw error;
      overLimit.set(request, error);
    }
  };
}
