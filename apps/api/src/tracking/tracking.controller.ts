import { Body, Controller, Get, Header, HttpCode, HttpStatus, Options, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readTrackerScript } from '@goalpost/tracker';
import type { ConversionResponse } from '@goalpost/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClicksService } from '../clicks/clicks.service';
import { RecordClickDto } from '../clicks/dto/record-click.dto';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { ConversionsService } from '../conversions/conversions.service';
import { GoalsService } from '../goals/goals.service';
import { SettingsService } from '../settings/settings.service';
import { readClickCookie, setClickCookie } from './click-cookie';
import { isAllowedOrigin, isAllowedRedirect } from './origin-policy';
import { BrowserGoalDto } from './browser-goal.dto';
import { PixelQueryDto } from './pixel-query.dto';

/** Length of the clicks table's landing_url and referrer columns. */
const URL_COLUMN_LENGTH = 2048;

/** 1×1 transparent GIF for the no-JavaScript pixel. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Public tracking endpoints hit from merchants' pages: the snippet, its click and goal posts, the pixel. */
@ApiExcludeController()
@Controller('t')
export class TrackingController {
  constructor(
    private readonly clicks: ClicksService,
    private readonly conversions: ConversionsService,
    private readonly goals: GoalsService,
    private readonly settings: SettingsService,
  ) {}

  @Get('goalpost.js')
  @Header('content-type', 'application/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  script(): string {
    return readTrackerScript();
  }

  @Options(['clicks', 'goals'])
  @HttpCode(HttpStatus.NO_CONTENT)
  async preflight(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.allowCors(request, reply);
    reply.header('access-control-allow-methods', 'POST').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600');
  }

  @Post('clicks')
  @HttpCode(HttpStatus.NO_CONTENT)
  async click(@Body() dto: RecordClickDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const settings = await this.allowCors(request, reply);
    const click = await this.clicks.record({ clickSessionId: dto.clickSessionID, via: 'snippet', landingUrl: dto.landingUrl, referrer: dto.referrer });
    setClickCookie(reply, request, click.token, settings);
  }

  @Get('click')
  async pixel(@Query() query: PixelQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | void> {
    const settings = await this.settings.get();
    let target: URL | null = null;
    if (query.to) {
      target = URL.canParse(query.to) ? new URL(query.to) : null;
      if (!target || !isAllowedRedirect(target, settings)) {
        throw new DomainError(DomainErrorCode.RedirectNotAllowed, 'to: must be an http(s) URL on one of the configured redirect hosts', 'to');
      }
    }
    // Both are kept as hints and cut to the column's 2048 characters: a long Referer header, or a `to`
    // that grows when normalised (percent-encoding), must not fail the click on PostgreSQL.
    const landingUrl = target ? target.href.slice(0, URL_COLUMN_LENGTH) : null;
    const referrer = request.headers.referer?.slice(0, URL_COLUMN_LENGTH) ?? null;
    const click = await this.clicks.record({ clickSessionId: query.clickSessionID, via: 'pixel', landingUrl, referrer });
    setClickCookie(reply, request, click.token, settings);
    reply.header('cache-control', 'no-store');
    if (target) {
      reply.redirect(target.href, 302);
      return;
    }
    reply.header('content-type', 'image/gif');
    return PIXEL;
  }

  @Post('goals')
  async goal(@Body() dto: BrowserGoalDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConversionResponse> {
    await this.allowCors(request, reply);
    const goal = await this.goals.requireUsable(dto.goal, 'goal');
    if (!goal.allowBrowser) {
      throw new DomainError(DomainErrorCode.BrowserGoalNotAllowed, `goal: "${goal.name}" cannot be recorded from a browser; send it from your server`, 'goal');
    }
    const input = { afliteGoalId: dto.goal, mref: dto.mref, value: dto.value, clickCookie: readClickCookie(request), source: 'browser' as const, fields: { goal: 'goal' } };
    if (dto.traceOnly) {
      reply.status(HttpStatus.OK);
      return (await this.conversions.trace(input)).conversion;
    }
    const { conversion, duplicate } = await this.conversions.record(input);
    reply.status(duplicate ? HttpStatus.OK : HttpStatus.CREATED);
    return this.conversions.map(conversion, goal, duplicate);
  }

  /** Cross-origin calls only from allowed origins, with credentials so the first-party cookie travels. */
  private async allowCors(request: FastifyRequest, reply: FastifyReply) {
    const settings = await this.settings.get();
    const origin = request.headers.origin;
    if (origin) {
      if (!isAllowedOrigin(origin, settings, request)) {
        throw new DomainError(DomainErrorCode.OriginNotAllowed, `origin: ${origin} is not an allowed origin (Settings → Allowed origins)`, 'origin');
      }
      reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'Origin');
    }
    return settings;
  }
}
