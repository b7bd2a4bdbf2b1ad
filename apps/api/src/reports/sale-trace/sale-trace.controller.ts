import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SaleTraceResponse } from '@goalpost/contracts';
import { TraceQueryDto } from './dto/trace-query.dto';
import { SaleTraceService } from './sale-trace.service';
import { AdminController } from '../../auth/admin-controller.decorator';

@ApiTags('Admin: trace a sale')
@AdminController('trace')
export class SaleTraceController {
  constructor(private readonly trace: SaleTraceService) {}

  @Get()
  @ApiOperation({ summary: 'Click → conversions → attempts → verdict for an mref or clickSessionID' })
  get(@Query() query: TraceQueryDto): Promise<SaleTraceResponse> {
    return this.trace.trace(query.q);
  }
}
