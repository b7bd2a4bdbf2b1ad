import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';

type LocalStoreCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => FastifyRateLimitStore;

// The library's in-memory store, which its package exports only by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as LocalStoreCtor;

interface StoreOptions extends FastifyRateLimitOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
}

/**
 * @fastify/rate-limit's in-memory store, answering each request with a copy of its counter. The store
 * hands back the very object it keeps counting in, and the plugin reads it only after an `await`: a
 * burst whose requests are checked in the same tick would all read the burst's final count, so every one
 * of them — those within the limit too — would be refused.
 */
export class SnapshotLocalStore implements FastifyRateLimitStore {
  private readonly local: FastifyRateLimitStore;

  constructor(options: object) {
    const { continueExceeding, exponentialBackoff, cache } = options as StoreOptions;
    this.local = new LocalStore(continueExceeding ?? false, exponentialBackoff ?? false, cache);
  }

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
    this.local.incr(key, (error, result) => callback(error, result ? { current: result.current, ttl: result.ttl } : undefined), timeWindow, max);
  }

  /** Called with the route's merged rate-limit options (typed by the library as the route's options). */
  child(routeOptions: object): FastifyRateLimitStore {
    return new SnapshotLocalStore(routeOptions as StoreOptions);
  }
}
