import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IngestKeysService } from './ingest-keys.service';

/** Accepts `Authorization: Bearer <key>` (or `X-Goalpost-Key`) on the server-to-server API. */
@Injectable()
export class IngestKeyGuard implements CanActivate {
  constructor(private readonly keys: IngestKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { ingestKeyId?: number }>();
    request.ingestKeyId = await this.keys.verify(ingestKeyOf(request));
    return true;
  }
}

/** The key a request presents, if any (a malformed Authorization header presents none). */
export function ingestKeyOf(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    return match ? match[1] : undefined;
  }
  const header = request.headers['x-goalpost-key'];
  return typeof header === 'string' ? header : undefined;
}
