import { Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClickDetailResponse, ClickListResponse } from '@goalpost/contracts';
import { IdParamDto } from '../common/id-param.dto';
import { DEFAULT_PAGE_SIZE } from '../common/page-query.dto';
import { ClicksAdminService } from './clicks-admin.service';
import { ClickListQueryDto } from './dto/click-list-query.dto';
import { AdminController } from '../auth/admin-controller.decorator';

@ApiTags('Admin: clicks')
@AdminController('clicks')
export class ClicksAdminController {
  constructor(private readonly clicks: ClicksAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Recorded clicks, last seen first; q matches a clickSessionID or its start' })
  list(@Query() query: ClickListQueryDto): Promise<ClickListResponse> {
    return this.clicks.list(query.q, query.cursor, query.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A click with its conversions' })
  detail(@Param() params: IdParamDto): Promise<ClickDetailResponse> {
    return this.clicks.detail(params.id);
  }
}
