import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Settings } from '../settings/settings.types';

export const CLICK_COOKIE = 'gp_click';

/**
 * A first-party, server-set cookie: HttpOnly, SameSite=Lax, Secure on HTTPS, for the attribution window.
 * Set by the server rather than by script, so Safari does not cap it at seven days.
 */
export function setClickCookie(reply: FastifyReply, request: FastifyRequest, token: string, settings: Settings): void {
  reply.setCookie(CLICK_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: settings.attributionWindowDays * 86_400,
    ...(settings.cookieDomain ? { domain: settings.cookieDomain } : {}),
  });
}

export function readClickCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[CLICK_COOKIE] || undefined;
}
