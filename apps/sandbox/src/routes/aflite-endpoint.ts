import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
        return reply.code(fault.status).type(TEXT_PLAIN).send(`ERROR: injected ${fault.status}`);
      }

      const answer = endpoint.answer(params, method);
      if (fault?.hang === 'after-record') return hang(state, reply);
      return reply
        .code(answer.status)
        .type(answer.contentType ?? TEXT_PLAIN)
        .send(answer.body);
    },
  });
}

function pickHeaders(request: FastifyRequest): { 'user-agent'?: string; 'content-type'?: string } {
  const headers: { 'user-agent'?: string; 'content-type'?: string } = {};
  const userAgent = request.headers['user-agent'];
  const contentType = request.headers['content-type'];
  if (userAgent !== undefined) headers['user-agent'] = userAgent;
  if (contentType !== undefined) headers['content-type'] = contentType;
  return headers;
}
