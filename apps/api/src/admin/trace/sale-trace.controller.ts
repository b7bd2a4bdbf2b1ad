import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SaleTraceResponse } from '@goalpost/contracts';
import { TraceQueryDto } from './dto/trace-query.dto';
import { SaleTraceService } from './sale-trace.service';

@ApiTags('Admin: trace a sale')
@ApiCookieAuth()
@Controller('api/admin/trace')
export class SaleTraceController {
  constructor(private readonly trace: SaleTraceService) {}

  @Get()
  @ApiOperation({ summary: 'Click → conversions → attempts → verdict for an mref or clickSessionID' })
  get(@Query() query: TraceQueryDto): Promise<SaleTraceResponse> {
    return this.trace.trace(query.q);
  }
}
