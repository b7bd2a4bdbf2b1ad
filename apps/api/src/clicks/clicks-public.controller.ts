import { Body, Controller, Get, Header, HttpCode, HttpStatus, Logger, Options, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readTrackerScript } from '@goalpost/tracker';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TrackingRateLimit, trackingLimitExceeded } from '../common/tracking-rate-limit';
import { SettingsService } from '../settings/settings.service';
import type { Settings } from '../settings/settings.types';
import { readClickCookie, setClickCookie } from './click-cookie';
import { clickProblem, readClickLink, type ClickLink } from './click-link';
import { ClicksService } from './clicks.service';
import { CrossSiteService } from './cross-site/cross-site.service';
import { SnippetClickDto } from './dto/snippet-click.dto';
import { allowTrackingOrigin, answerTrackingPreflight, redirectTarget } from './origin-policy';

/** Length of the clicks table's landing_url and referrer columns. */
const URL_COLUMN_LENGTH = 2048;

/** Says on every pixel and redirect answer whether its click was recorded, and if not, why. */
export const CLICK_OUTCOME_HEADER = 'x-goalpost-click';
const RECORDED = 'recorded';

/** 1×1 transparent GIF for the no-JavaScript pixel. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Click capture from merchants' pages (the open internet): the snippet, its click post, the pixel and redirect. */
@ApiExcludeController()
@Controller('t')
export class ClicksPublicController {
  private readonly logger = new Logger(ClicksPublicController.name);

  constructor(
    private readonly clicks: ClicksService,
    private readonly settings: SettingsService,
    private readonly crossSite: CrossSiteService,
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
    await this.crossSite.note(request.headers.origin ?? request.headers.referer, request.hostname, settings.cookieDomain);
  }

  /**
   * The pixel (`<img>`) and the redirect link (`?to=`). A visitor is never stranded: a link whose click
   * cannot be recorded (not Aflite's, no valid clickSessionID, over the rate limit, not stored) still
   * sends the visitor to an allowed `to`, and the pixel still answers its GIF; the click is then not
   * recorded and X-Goalpost-Click says why. Only a `to` that is not allowed gets an error.
   */
  @Get('click')
  @TrackingRateLimit('clicks', { handlerDecides: true })
  async pixel(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | undefined> {
    const link = readClickLink(request.url);
    const settings = await this.settings.getForTracking();
    const target = link.to === undefined ? null : redirectTarget(link.to, settings);
    const overLimit = trackingLimitExceeded(request);
    // An image gets nothing out of a GIF it was refused: the 429 keeps the pixel to its budget.
    if (overLimit && !target) throw overLimit;
    reply.header('cache-control', 'no-store');

    const problem = overLimit ? 'over the rate limit' : clickProblem(link);
    const outcome = problem ?? (await this.recordLinkClick(link, target, request, reply, settings));
    reply.header(CLICK_OUTCOME_HEADER, outcome === RECORDED ? RECORDED : `not recorded: ${outcome}`);
    if (target) {
      reply.redirect(target.href, 302);
      return undefined;
    }
    reply.header('content-type', 'image/gif');
    return PIXEL;
  }

  /** Records the link's click and sets its cookie; on the redirect, a click that could not be stored still lets the visitor through. */
  private async recordLinkClick(link: ClickLink, target: URL | null, request: FastifyRequest, reply: FastifyReply, settings: Settings): Promise<string> {
    // Both are kept as hints and cut to the column's 2048 characters: a long Referer header, or a `to`
    // that grows when normalised (percent-encoding), must not fail the click on PostgreSQL.
    const landingUrl = target ? target.href.slice(0, URL_COLUMN_LENGTH) : null;
    const referrer = request.headers.referer?.slice(0, URL_COLUMN_LENGTH) ?? null;
    try {
      const click = await this.clicks.record({
        clickSessionId: link.clickSessionId as string,
        via: 'pixel',
        landingUrl,
        referrer,
        presentedToken: readClickCookie(request),
      });
      setClickCookie(reply, request, click.cookieValue, settings);
      // A redirect's page is where it sends the visitor (its Referer is the affiliate's); a pixel's is the page it is on.
      await this.crossSite.note(target?.href ?? request.headers.origin ?? request.headers.referer, request.hostname, settings.cookieDomain);
      return RECORDED;
    } catch (error) {
      if (!target) throw error;
      this.logger.error(`A redirect link's click was not stored; the visitor was sent on: ${error instanceof Error ? error.message : String(error)}`);
      return 'not stored';
    }
  }
}
