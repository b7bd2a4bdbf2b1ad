import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { ADMIN_API_PREFIX, ADMIN_ROUTE } from './admin-controller.decorator';
import { ADMIN_PUBLIC } from './admin-public.decorator';
import { readSessionCookie, setSessionCookie } from './session-cookie';
import { csrfTokenMatches, SESSION_TTL_MS, SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route of an @AdminController needs a signed-in session, and every state-changing
 * one the session's CSRF token in `x-csrf-token`. A route registered under the admin prefix without the
 * marker is guarded too (fail closed). Matching on the registered route (not the raw URL) means an
 * encoded or oddly spelled path cannot slip past it. Ingest keys are never looked at here, so they open
 * nothing in the admin API.
 */
@Injectable()
export class AdminSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const marked = this.reflector.getAllAndOverride<boolean>(ADMIN_ROUTE, [context.getHandler(), context.getClass()]) ?? false;
    if (!marked && !isUnderAdminPrefix(request.routeOptions?.url ?? '')) return true;
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_PUBLIC, [context.getHandler(), context.getClass()])) return true;

    const token = readSessionCookie(request);
    const resolved = token ? await this.sessions.resolve(token) : null;
    if (!token || !resolved) throw new DomainError(DomainErrorCode.NotSignedIn, 'Sign in to the dashboard first (your session may have expired)');
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request.headers['x-csrf-token'], resolved.principal.csrfToken)) {
      throw new DomainError(DomainErrorCode.CsrfTokenInvalid, 'x-csrf-token: missing or wrong; reload the dashboard and try again', 'x-csrf-token');
    }
    if (resolved.renewed) setSessionCookie(context.switchToHttp().getResponse<FastifyReply>(), request, token, SESSION_TTL_MS);
    request.admin = resolved.principal;
    return true;
  }
}

function isUnderAdminPrefix(route: string): boolean {
  const prefix = `/${ADMIN_API_PREFIX}`;
  return route === prefix || route.startsWith(`${prefix}/`);
}
