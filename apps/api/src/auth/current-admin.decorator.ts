import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import type { AdminPrincipal } from './admin-principal';

/** The signed-in admin; only on routes the session guard protects. */
export const CurrentAdmin = createParamDecorator((_: unknown, context: ExecutionContext): AdminPrincipal => {
  const admin = context.switchToHttp().getRequest<FastifyRequest>().admin;
  if (!admin) throw new DomainError(DomainErrorCode.NotSignedIn, 'Sign in to the dashboard first');
  return admin;
});
