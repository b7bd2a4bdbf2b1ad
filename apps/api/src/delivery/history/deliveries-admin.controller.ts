import { Body, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DeliveryDetailResponse, DeliveryListResponse, ResendResponse } from '@goalpost/contracts';
import { Readable } from 'node:stream';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { CurrentAdmin } from '../../auth/current-admin.decorator';
import { IdParamDto } from '../../common/id-param.dto';
import { DEFAULT_PAGE_SIZE } from '../../common/page-query.dto';
import { DeliveryHistoryService } from './delivery-history.service';
import { DeliveryFilterDto, DeliveryListQueryDto } from './dto/delivery-filter.dto';
import { ResendDto } from './dto/resend.dto';
import { AdminController } from '../../auth/admin-controller.decorator';

@ApiTags('Admin: deliveries')
@AdminController('deliveries')
export class DeliveriesAdminController {
  constructor(private readonly deliveries: DeliveryHistoryService) {}

  @Get()
  @ApiOperation({ summary: 'Delivery history, newest first (keyset pagination: pass nextCursor back as cursor)' })
  list(@Query() query: DeliveryListQueryDto): Promise<DeliveryListResponse> {
    const { cursor, limit, ...filter } = query;
    return this.deliveries.list(filter, cursor, limit ?? DEFAULT_PAGE_SIZE);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The filtered history as CSV' })
  async export(@Query() filter: DeliveryFilterDto): Promise<StreamableFile> {
    const lines = await this.deliveries.exportCsv(filter);
    return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="goalpost-deliveries.csv"' });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A conversion with its click and every attempt' })
  detail(@Param() params: IdParamDto): Promise<DeliveryDetailResponse> {
    return this.deliveries.detail(params.id);
  }

  @Post('resend')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Put one or the selected conversions back in the queue (checked against Aflite first unless force)' })
  resend(@Body() dto: ResendDto, @CurrentAdmin() admin: AdminPrincipal): Promise<ResendResponse> {
    return this.deliveries.resend(dto.ids, dto.force ?? false, admin.email);
  }
}
