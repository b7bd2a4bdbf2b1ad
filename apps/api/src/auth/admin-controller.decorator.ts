import { applyDecorators, Controller, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';

export const ADMIN_ROUTE = 'goalpost:admin-route';

/** Where the dashboard's API lives; AdminController paths are relative to it. */
export const ADMIN_API_PREFIX = 'api/admin';

/**
 * A dashboard controller: every route needs a signed-in session (and a CSRF token to change state),
 * enforced by AdminSessionGuard. Routes that must work signed out say so with @AdminPublic().
 */
export function AdminController(path = ''): ClassDecorator {
  return applyDecorators(Controller(path ? `${ADMIN_API_PREFIX}/${path}` : ADMIN_API_PREFIX), SetMetadata(ADMIN_ROUTE, true), ApiCookieAuth());
}
