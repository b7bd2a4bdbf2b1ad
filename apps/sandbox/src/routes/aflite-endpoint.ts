import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AfliteParam } from '@goalpost/aflite';
import type { FaultPath } from '../faults';
import { mergeParams, rawParams } from '../params';
import type { GoalMethod, RequestCounters, SandboxState } from '../state';

export const TEXT_PLAIN = 'text/plain; charset=utf-8';

export interface Answer {
  status: number;
  body: string;
  contentType?: string;
}

export interface AfliteEndpoint {
  url: string;
  fault: FaultPath;
  counter(params: Record<string, string>): keyof RequestCounters;
  answer(params: Record<string, string>, method: GoalMethod): Answer;
}

export const text = (status: number, body: string): Answer => ({ status, body, contentType: TEXT_PLAIN });

/** Leaves the request unanswered; the response is kept so close() and reset can still end it. */
function hang(state: SandboxState, reply: FastifyReply): void {
  reply.hijack();
  state.faults.hold(reply.raw);
}

/**
 * Wraps an Aflite route with what every upstream call shares: the raw request log,
 * the request counters and fault injection, in the order a real upstream would fail.
 */
export function serveAfliteEndpoint(app: FastifyInstance, state: SandboxState, endpoint: AfliteEndpoint): void {
  app.route({
    method: ['GET', 'POST'],
    url: endpoint.url,
    // A HEAD must never register a goal.
    exposeHeadRoute: false,
    handler: async (request, reply) => {
      const query = rawParams(request.query);
      const body = rawParams(request.body);
      const method = request.method as GoalMethod;
      state.recordRequest({
        method,
        path: request.url.split('?')[0],
        query,
        body,
        receivedAt: new Date().toISOString(),
        headers: pickHeaders(request),
      });
      const params = mergeParams(query, body);
      state.count(endpoint.counter(params));

      const fault = state.faults.take(endpoint.fault);
      if (fault?.latencyMs) await sleep(fault.latencyMs, undefined, { ref: false });
      if (fault?.reset) {
        reply.hijack();
        reply.raw.destroy();
        return;
      }
      if (fault?.hang === 'before-record') return hang(state, reply);
      if (fault?.status !== undefined) {
        if (fault.retryAfter !== undefined) reply.header('retry-after', String(fault.retryAfter));
        const body = `ERROR: injected ${fault.status}`;
        return reply
          .code(fault.status)
          .type(TEXT_PLAIN)
          .send(fault.echoKey ? echoKey(reply, params, body) : body);
      }

      const answer = endpoint.answer(params, method);
      if (fault?.hang === 'after-record') return hang(state, reply);
      return reply
        .code(answer.status)
        .type(answer.contentType ?? TEXT_PLAIN)
        .send(fault?.echoKey ? echoKey(reply, params, answer.body) : answer.body);
    },
  });
}

/**
 * The `echoKey` fault: the apikey received, repeated in headers (Server, X-Request-Id, Location, Set-Cookie, a
 * debug header) and after the body, as is, percent-encoded, JSON- and entity-escaped, and inside the query it came in.
 */
function echoKey(reply: FastifyReply, params: Record<string, string>, body: string): string {
  const key = params[AfliteParam.apiKey] ?? '';
  const query = new URLSearchParams(params).toString();
  reply
    .header('server', `aflite-sandbox (key ${key})`)
    .header('x-request-id', `req-${encodeURIComponent(key)}`)
    .header('x-debug-apikey', key)
    .header('set-cookie', `last_key=${encodeURIComponent(key)}`);
  if (reply.statusCode >= 300 && reply.statusCode < 400) reply.header('location', `/data/register/goal?${query}`);
  const escaped = key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `${body}\n(request: ${query}; apikey=${key}; key ${encodeURIComponent(key)}; json {"apikey":${JSON.stringify(key)}}; html ${escaped})`;
}

function pickHeaders(request: FastifyRequest): { 'user-agent'?: string; 'content-type'?: string } {
  const headers: { 'user-agent'?: string; 'content-type'?: string } = {};
  const userAgent = request.headers['user-agent'];
  const contentType = request.headers['content-type'];
  if (userAgent !== undefined) headers['user-agent'] = userAgent;
  if (contentType !== undefined) headers['content-type'] = contentType;
  return headers;
}
