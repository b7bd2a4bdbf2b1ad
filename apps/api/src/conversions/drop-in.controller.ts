import { Controller, Get, HttpStatus, MethodNotAllowedException, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AfliteParam } from '@goalpost/aflite';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { IngestKeysService } from '../ingest-keys/ingest-keys.service';
import { ConversionsService } from './conversions.service';
import { DropInParams } from './dto/drop-in-params';
import { HelpProxy } from '../delivery/help-proxy';

/**
 * Aflite's own endpoint and parameter names, so a merchant already calling Aflite changes only the host.
 * The ingest key goes where Aflite's API key went; Goalpost fills in the real key and merchant ID.
 */
@ApiTags('Drop-in')
@Controller('data/register/goal')
export class DropInController {
  constructor(
    private readonly conversions: ConversionsService,
    private readonly keys: IngestKeysService,
    private readonly help: HelpProxy,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Aflite-compatible register goal (query string); apikey = a Goalpost ingest key' })
  registerByGet(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    // Fastify answers HEAD with the GET handler; a link checker's HEAD must never record a goal.
    if (request.method !== 'GET') throw new MethodNotAllowedException(`method: ${request.method} is not accepted; use GET or POST`);
    return this.register(request, reply);
  }

  @Post()
  @ApiOperation({ summary: 'Aflite-compatible register goal (form POST); apikey = a Goalpost ingest key' })
  registerByPost(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.register(request, reply);
  }

  /** Aflite takes only GET and POST: any other method (HEAD, OPTIONS, PUT…) never reaches this. */
  private async register(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const raw = { ...(request.query as object), ...(typeof request.body === 'object' && request.body ? request.body : {}) } as Record<string, unknown>;
    await this.keys.verify(typeof raw[AfliteParam.apiKey] === 'string' ? (raw[AfliteParam.apiKey] as string) : undefined).catch((error: unknown) => {
      if (error instanceof DomainError)
        throw new DomainError(error.code, `${AfliteParam.apiKey}: ${error.message.replace(/ \(.*\)$/, '')}`, AfliteParam.apiKey);
      throw error;
    });
    const params = DropInParams.from(raw);
    reply.header('content-type', 'text/plain; charset=utf-8');
    if (params.help) {
      const answer = await this.help.fetch();
      reply.status(answer.status);
      return answer.body;
    }
    const input = {
      afliteGoalId: params.goalId,
      mref: params.mref,
      value: params.value,
      clickSessionId: params.clickSessionId,
      source: 'dropin' as const,
      fields: { goal: AfliteParam.goalId, value: AfliteParam.value },
    };
    if (params.traceOnly) {
      const { attempt } = await this.conversions.trace(input);
      reply.status(attempt.statusCode ?? HttpStatus.BAD_GATEWAY);
      return attempt.responseBody ?? `ERROR: ${attempt.reason ?? 'no answer from Aflite'}`;
    }
    const conversion = await this.conversions.record(input);
    reply.status(HttpStatus.OK);
    if (conversion.duplicate) return `OK duplicate ${AfliteParam.merchantRef}=${conversion.mref} already accepted; not sent again`;
    if (conversion.status === 'unattributed')
      return `OK accepted ${AfliteParam.merchantRef}=${conversion.mref} without ${AfliteParam.clickSessionId}: recorded, not sent`;
    return `OK accepted ${AfliteParam.merchantRef}=${conversion.mref}`;
  }
}
