import type { FastifyInstance } from 'fastify';
import { parseFaults } from '../faults';
import { REQUEST_LOG_LIMIT, type SandboxState } from '../state';

export const CONTROL_PREFIX = '/_sandbox';
const DEFAULT_REQUEST_LIMIT = 50;

/** Test and demo controls; deliberately unauthenticated, as the sandbox holds nothing real. */
export function controlRoutes(app: FastifyInstance, state: SandboxState): void {
  const faultView = () => {
    const active = state.faults.active;
    return active.length > 1 ? { fault: null, mix: active } : { fault: state.faults.current };
  };

  app.get(`${CONTROL_PREFIX}/faults`, async () => faultView());

  app.put(`${CONTROL_PREFIX}/faults`, async (request, reply) => {
    const parsed = parseFaults(request.body);
    if (!parsed.ok) return reply.code(400).send({ error: parsed.error, field: parsed.field });
    state.faults.set(parsed.faults);
    return faultView();
  });

  app.delete(`${CONTROL_PREFIX}/faults`, async () => {
    state.faults.clear();
    return faultView();
  });

  app.get(`${CONTROL_PREFIX}/report`, async () => state.report());

  app.get(`${CONTROL_PREFIX}/requests`, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).limit;
    let limit = DEFAULT_REQUEST_LIMIT;
    if (raw !== undefined) {
      limit = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(limit >= 1 && limit <= REQUEST_LOG_LIMIT)) {
        return reply.code(400).send({ error: `limit: must be an integer from 1 to ${REQUEST_LOG_LIMIT}`, field: 'limit' });
      }
    }
    return { requests: state.recentRequests(limit) };
  });

  app.post(`${CONTROL_PREFIX}/reset`, async () => {
    state.reset();
    return { ok: true };
  });
}
