import { Injectable } from '@nestjs/common';
import type { ApiErrorBody } from '@goalpost/contracts';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { DomainErrorCode } from '../common/errors/domain-error';
import { SHUTDOWN_RETRY_AFTER_S, SHUTTING_DOWN_MESSAGE } from '../common/errors/shutting-down';

const REFUSED: ApiErrorBody = { statusCode: 503, error: DomainErrorCode.ShuttingDown, message: SHUTTING_DOWN_MESSAGE };

/**
 * The HTTP side of a stop. Once closed, every new request is answered 503 with Retry-After and
 * `Connection: close`, before its body is read; requests accepted before finish and are answered, also
 * with `Connection: close`; idle keep-alive sockets are closed. Keep-alive clients are so told to go away
 * (to another instance, or back after the restart) instead of being reset when the server closes.
 *
 * Fastify's own `return503OnClosing` acts only once Fastify closes, after the application's shutdown
 * hooks, and Nest's only refuses requests: this one also counts the accepted ones, so the shutdown can
 * wait for their answers before it closes the writers and pools behind them.
 */
@Injectable()
export class RequestGate {
  private open = true;
  private accepted = 0;
  private server: Server | null = null;
  private readonly idleWaiters = new Set<() => void>();

  /** Adds the gate's hooks; call before the routes are ready (createApp does). */
  install(fastify: FastifyInstance): void {
    this.server = fastify.server;
    fastify.addHook('onRequest', (_request, reply, done) => {
      if (!this.open) {
        void reply.code(503).header('retry-after', String(SHUTDOWN_RETRY_AFTER_S)).header('connection', 'close').send(REFUSED);
        return;
      }
      this.accepted += 1;
      // 'close' comes once the answer is written, or when the client went away first.
      reply.raw.once('close', () => this.settle());
      done();
    });
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      if (!this.open) reply.header('connection', 'close');
      done(null, payload);
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Requests accepted and not yet answered. */
  get inFlight(): number {
    return this.accepted;
  }

  /** Refuses every request from now on and closes the keep-alive sockets that have no request running. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    // Deferred past the event loop's poll phase: a request whose bytes have already arrived on a keep-alive
    // socket is read first, and so refused with a 503, instead of being reset with a socket that looked idle.
    setImmediate(() => this.server?.closeIdleConnections());
  }

  /** Resolves once every accepted request has been answered (or its client has gone). */
  whenIdle(): Promise<void> {
    if (this.accepted === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  private settle(): void {
    this.accepted -= 1;
    if (this.accepted > 0) return;
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
  }
}
