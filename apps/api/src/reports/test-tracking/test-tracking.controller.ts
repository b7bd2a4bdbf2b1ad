import { Body, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CrossSiteHealth, HelpResponse, RecentClicksResponse, TraceTestResponse } from '@goalpost/contracts';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { CurrentAdmin } from '../../auth/current-admin.decorator';
import { RecentClicksQueryDto } from './dto/recent-clicks-query.dto';
import { TraceTestDto } from './dto/trace-test.dto';
import { TestTrackingService } from './test-tracking.service';
import { AdminController } from '../../auth/admin-controller.decorator';

@ApiTags('Admin: test tracking')
@AdminController('test-tracking')
export class TestTrackingController {
  constructor(private readonly testTracking: TestTrackingService) {}

  @Post('trace')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: "Send a trace-only conversion now and show the exact request and Aflite's answer" })
  trace(@Body() dto: TraceTestDto): Promise<TraceTestResponse> {
    return this.testTracking.trace(dto);
  }

  @Get('help')
  @ApiOperation({ summary: "Aflite's help=1 answer for the configured key and merchant ID" })
  help(): Promise<HelpResponse> {
    return this.testTracking.helpText();
  }

  @Get('clicks')
  @ApiOperation({ summary: 'Clicks seen since a moment (poll it to watch for clicks arriving)' })
  recentClicks(@Query() query: RecentClicksQueryDto): Promise<RecentClicksResponse> {
    return this.testTracking.recentClicks(query.since);
  }

  @Get('cross-site')
  @ApiOperation({ summary: 'Clicks seen from pages on another site than Goalpost, whose cookie the browser drops there' })
  crossSite(): Promise<CrossSiteHealth> {
    return this.testTracking.crossSite();
  }

  @Delete('cross-site')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Forget the cross-site clicks seen so far (once Goalpost runs on the shop’s site)' })
  clearCrossSite(@CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    return this.testTracking.clearCrossSite(admin.email);
  }
}
