import { Body, Controller, HttpCode, HttpStatus, Options, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ConversionResponse } from '@goalpost/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readClickCookie } from '../clicks/click-cookie';
import { allowTrackingOrigin, answerTrackingPreflight } from '../clicks/origin-policy';
import { TrackingRateLimit } from '../common/tracking-rate-limit';
import { SettingsService } from '../settings/settings.service';
import { ConversionsService } from './conversions.service';
import { BrowserGoalDto } from './dto/browser-goal.dto';
import { TraceOnlyAccess } from './trace-only-access';

/** `goalpost('goal', …)` from merchants' pages (the open internet), for goals that allow it. */
@ApiExcludeController()
@Controller('t')
export class BrowserGoalsController {
  constructor(
    private readonly conversions: ConversionsService,
    private readonly settings: SettingsService,
    private readonly traceAccess: TraceOnlyAccess,
  ) {}

  @Options('goals')
  @HttpCode(HttpStatus.NO_CONTENT)
  async preflight(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    answerTrackingPreflight(request, reply, await this.settings.get());
  }

  @Post('goals')
  @TrackingRateLimit('goals')
  async goal(@Body() dto: BrowserGoalDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConversionResponse> {
    allowTrackingOrigin(request, reply, await this.settings.get());
    if (dto.traceOnly) await this.traceAccess.require(request);
    const input = {
      afliteGoalId: dto.goal,
      mref: dto.mref,
      value: dto.value,
      clickCookie: readClickCookie(request),
      source: 'browser' as const,
      fields: { goal: 'goal' },
    };
    if (dto.traceOnly) {
      reply.status(HttpStatus.OK);
      return (await this.conversions.trace(input)).conversion;
    }
    const conversion = await this.conversions.record(input);
    reply.status(conversion.duplicate ? HttpStatus.OK : HttpStatus.CREATED);
    return conversion;
  }
}
