import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { readSessionCookie } from '../auth/session-cookie';
import { SessionsService } from '../auth/sessions.service';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { ingestKeyOf } from '../ingest-keys/ingest-key.guard';
import { IngestKeysService } from '../ingest-keys/ingest-keys.service';

/**
 * A trace-only goal from a browser is sent to Aflite at once with the merchant's key: only the merchant
 * may ask for one, by an ingest key or a signed-in dashboard session. A visitor of the shop has neither.
 * The session needs no CSRF token here: its cookie is SameSite=Lax, so another site cannot post with it,
 * and /t/goals refuses origins that are not allowed.
 */
@Injectable()
export class TraceOnlyAccess {
  constructor(
    private readonly sessions: SessionsService,
    private readonly ingestKeys: IngestKeysService,
  ) {}

  async require(request: FastifyRequest): Promise<void> {
    const key = ingestKeyOf(request);
    if (key !== undefined) {
      // A wrong or revoked key is refused as such (401 naming authorization), not passed over.
      await this.ingestKeys.verify(key);
      return;
    }
    const token = readSessionCookie(request);
    if (token && (await this.sessions.resolve(token))) return;
    throw new DomainError(
      DomainErrorCode.TraceOnlyNotAllowed,
      'traceOnly: a trace-only test needs an ingest key (Authorization: Bearer …) or a signed-in dashboard session',
      'traceOnly',
    );
  }
}
