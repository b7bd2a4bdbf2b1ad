import { parse as parseQueryString } from 'node:querystring';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { TEXT_PLAIN } from './routes/aflite-endpoint';
import { controlRoutes } from './routes/control';
import { goalsFeedRoutes } from './routes/goals-feed';
import { homeRoutes } from './routes/home';
import { registerGoalRoutes } from './routes/register-goal';
import { SandboxState } from './state';

export { SandboxState } from './state';
export type { RecordedGoal, RecordedRequest, SandboxReport } from './state';
export type { FaultSpec, FaultRequest, FaultMixRequest, FaultPath, HangMode } from './faults';
export { parseFaultSpec } from './faults';

export interface SandboxOptions {
  apiKey: string;
  merchantId: string;
  logger?: boolean;
}

export interface StartSandboxOptions extends SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningSandbox {
  url: string;
  state: SandboxState;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';

export function createSandbox(options: SandboxOptions): { app: FastifyInstance; state: SandboxState } {
  const state = new SandboxState();
  // Destroying every connection on close keeps requests delayed by injected latency from blocking shutdown.
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });

  // Own parser rather than @fastify/formbody: the form body is all the Aflite protocol needs.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, { ...parseQueryString(body as string) });
  });

  // Upstream callers read plain text, so framework errors on /data/* keep Aflite's answer style.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (!request.url.startsWith('/data/')) return reply.send(error);
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.code(status).type(TEXT_PLAIN).send(`ERROR: ${error.message}`);
  });

  app.addHook('preClose', async () => state.faults.releaseHeld());

  registerGoalRoutes(app, state, options);
  goalsFeedRoutes(app, state, options.apiKey);
  controlRoutes(app, state);
  homeRoutes(app, state);
  return { app, state };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return DEFAULT_HOST;
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const { app, state } = createSandbox(options);
  const host = options.host ?? DEFAULT_HOST;
  await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://${urlHost(host)}:${port}`, state, close: () => app.close() };
}
