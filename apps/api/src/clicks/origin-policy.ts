import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import type { Settings } from '../settings/settings.types';

/** `https://shop.example` matches exactly; `https://*.shop.example` matches any subdomain (not the apex). */
export function originMatches(origin: string, pattern: string): boolean {
  const normalized = pattern.trim().replace(/\/+$/, '').toLowerCase();
  const candidate = origin.toLowerCase();
  if (!normalized.includes('*.')) return candidate === normalized;
  const [scheme, host] = normalized.split('://*.');
  if (!host) return false;
  return candidate.startsWith(`${scheme}://`) && candidate.endsWith(`.${host}`);
}

/** The snippet may post from the merchant's allowed origins, or from Goalpost's own origin. */
export function isAllowedOrigin(origin: string, settings: Settings, request: FastifyRequest): boolean {
  if (origin === `${request.protocol}://${request.host}`) return true;
  return settings.allowedOrigins.some((pattern) => originMatches(origin, pattern));
}

/**
 * The redirect target of `/t/click?to=` must be http(s) on a configured redirect host or an allowed
 * origin's host: never an open redirect.
 */
export function isAllowedRedirect(target: URL, settings: Settings): boolean {
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  if (target.username || target.password) return false;
  const host = target.hostname.toLowerCase();
  const hosts = settings.redirectHosts.map((h) => h.trim().toLowerCase());
  if (hosts.some((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1))))) return true;
  return settings.allowedOrigins.some((pattern) => originMatches(target.origin, pattern));
}

/**
 * The URL a `/t/click` link sends the visitor to, normalised (lower-case host, backslashes read as slashes,
 * as a browser reads them), or a 400 naming `to`: never an open redirect.
 */
export function redirectTarget(to: string, settings: Settings): URL {
  const target = URL.canParse(to) ? new URL(to) : null;
  if (!target || !isAllowedRedirect(target, settings)) {
    throw new DomainError(DomainErrorCode.RedirectNotAllowed, 'to: must be an http(s) URL on one of the configured redirect hosts', 'to');
  }
  return target;
}

/**
 * Cross-origin calls to /t/* come only from allowed origins, with credentials so the first-party cookie
 * travels; anything else is refused before the route does any work.
 */
export function allowTrackingOrigin(request: FastifyRequest, reply: FastifyReply, settings: Settings): void {
  const origin = request.headers.origin;
  if (!origin) return;
  if (!isAllowedOrigin(origin, settings, request)) {
    throw new DomainError(DomainErrorCode.OriginNotAllowed, `origin: ${origin} is not an allowed origin (Settings → Allowed origins)`, 'origin');
  }
  reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'Origin');
}

/** The answer to a CORS preflight for one of the snippet's POSTs. */
export function answerTrackingPreflight(request: FastifyRequest, reply: FastifyReply, settings: Settings): void {
  allowTrackingOrigin(request, reply, settings);
  reply.header('access-control-allow-methods', 'POST').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600');
}
