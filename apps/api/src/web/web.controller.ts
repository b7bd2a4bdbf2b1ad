import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { isServerPath } from './dashboard-files';

export const DASHBOARD_ROOT = Symbol('DASHBOARD_ROOT');

export const NOT_BUILT_MESSAGE =
  'The Goalpost dashboard is not built yet. Run `npm start` from the repository root: it builds the API and the dashboard, then serves both here.\n';

/**
 * Client-side routes of the dashboard (/deliveries/42 …) get index.html so a reload or a shared link
 * works. Every other GET that no route matched lands here too: server paths and missing files get a 404.
 */
@ApiExcludeController()
@Controller()
export class WebController {
  constructor(@Inject(DASHBOARD_ROOT) private readonly root: string | null) {}

  @Get('*')
  fallback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    const path = request.url.split('?')[0];
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (isServerPath(path) || lastSegment.includes('.')) {
      throw new DomainError(DomainErrorCode.NotFound, `Nothing at GET ${path}`);
    }
    if (!this.root) return reply.status(200).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT_MESSAGE);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }
}
