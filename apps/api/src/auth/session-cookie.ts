import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'gp_session';

/** HttpOnly so scripts never see it; SameSite=Lax so other sites cannot ride it on a POST. */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE] || undefined;
}
