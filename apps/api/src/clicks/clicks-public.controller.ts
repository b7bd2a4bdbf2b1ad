import { Body, Controller, Get, Header, HttpCode, HttpStatus, Options, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readTrackerScript } from '@goalpost/tracker';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '../common/errors/domain-error';
import { TrackingRateLimit } from '../common/tracking-rate-limit';
import { SettingsService } from '../settings/settings.service';
import { readClickCookie, setClickCookie } from './click-cookie';
import { ClicksService } from './clicks.service';
import { PixelQueryDto } from './dto/pixel-query.dto';
import { SnippetClickDto } from './dto/snippet-click.dto';
import { allowTrackingOrigin, answerTrackingPreflight, isAllowedRedirect } from './origin-policy';

/** Length of the clicks table's landing_url and referrer columns. */
const URL_COLUMN_LENGTH = 2048;

/** 1×1 transparent GIF for the no-JavaScript pixel. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Click capture from merchants' pages (the open internet): the snippet, its click post, the pixel and redirect. */
@ApiExcludeController()
@Controller('t')
export class ClicksPublicController {
  constructor(
    private readonly clicks: ClicksService,
    private readonly settings: SettingsService,
  ) {}

  @Get('goalpost.js')
  @Header('content-type', 'application/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  script(): string {
    return readTrackerScript();
  }

  @Options('clicks')
  @HttpCode(HttpStatus.NO_CONTENT)
  async preflight(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    answerTrackingPreflight(request, reply, await this.settings.get());
  }

  @Post('clicks')
  @TrackingRateLimit('clicks')
  @HttpCode(HttpStatus.NO_CONTENT)
  async click(@Body() dto: SnippetClickDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const settings = await this.settings.get();
    allowTrackingOrigin(request, reply, settings);
    const click = await this.clicks.record({
      clickSessionId: dto.clickSessionID,
      via: 'snippet',
      landingUrl: dto.landingUrl,
      referrer: dto.referrer,
      presentedToken: readClickCookie(request),
    });
    setClickCookie(reply, request, click.cookieValue, settings);
  }

  @Get('click')
  @TrackingRateLimit('clicks')
  async pixel(@Query() query: PixelQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | undefined> {
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
    const click = await this.clicks.record({
      clickSessionId: query.clickSessionID,
      via: 'pixel',
      landingUrl,
      referrer,
      presentedToken: readClickCookie(request),
    });
    setClickCookie(reply, request, click.cookieValue, settings);
    reply.header('cache-control', 'no-store');
    if (target) {
      reply.redirect(target.href, 302);
      return undefined;
    }
    reply.header('content-type', 'image/gif');
    return PIXEL;
  }
}
