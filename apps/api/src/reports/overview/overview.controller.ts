import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OverviewResponse } from '@goalpost/contracts';
import { OverviewQueryDto } from './dto/overview-query.dto';
import { OverviewService } from './overview.service';
import { AdminController } from '../../auth/admin-controller.decorator';

@ApiTags('Admin: overview')
@AdminController('overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOperation({ summary: 'Totals, a time series and upstream health for a period' })
  get(@Query() query: OverviewQueryDto): Promise<OverviewResponse> {
    return this.overview.overview(query.period ?? '7d');
  }
}
