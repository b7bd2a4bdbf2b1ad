import { BadRequestException } from '@nestjs/common';
import type { ApiErrorBody } from '@goalpost/contracts';
import type { FastifyInstance } from 'fastify';

/** Far deeper than any body Goalpost takes (the deepest, a resend job, is 2 levels). */
export const MAX_BODY_DEPTH = 32;

/** Whether arrays and objects are nested more than `max` levels deep; iterative, so any depth is safe to ask about. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.node !== 'object' || next.node === null) continue;
    if (next.depth > max) return true;
    for (const child of Object.values(next.node)) {
      if (typeof child === 'object' && child !== null) pending.push({ node: child, depth: next.depth + 1 });
    }
  }
  return false;
}

/**
 * What a request body may be, for every route: JSON or a form (the text/plain parser goes, so a JSON body
 * sent as text/plain gets 415 rather than being read as a string), nested at most MAX_BODY_DEPTH levels —
 * checked before validation, whose recursion a body of 10,000 nested lists would overflow.
 */
export function applyBodyRules(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('preValidation', async (request) => {
    if (!nestedDeeperThan(request.body, MAX_BODY_DEPTH)) return;
    const message = `body: nested too deeply (more than ${MAX_BODY_DEPTH} levels of lists and objects)`;
    const body: ApiErrorBody = { statusCode: 400, error: 'bad_request', message, fields: [{ field: 'body', message }] };
    throw new BadRequestException(body);
  });
}
