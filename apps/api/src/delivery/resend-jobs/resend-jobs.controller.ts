import { Body, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ResendJobListResponse, ResendJobResponse, ResendPreviewResponse } from '@goalpost/contracts';
import type { AdminPrincipal } from '../../auth/admin-principal';
import { CurrentAdmin } from '../../auth/current-admin.decorator';
import { IdParamDto } from '../../common/id-param.dto';
import { StartResendJobDto } from '../history/dto/resend.dto';
import { ResendJobsService } from './resend-jobs.service';
import { AdminController } from '../../auth/admin-controller.decorator';

@ApiTags('Admin: deliveries')
@AdminController('deliveries/resend-jobs')
export class ResendJobsController {
  constructor(private readonly jobs: ResendJobsService) {}

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'How many conversions "re-send all matching" would put back in the queue' })
  preview(@Body() dto: StartResendJobDto): Promise<ResendPreviewResponse> {
    return this.jobs.preview(dto.filter);
  }

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Re-send every conversion matching a filter, as a background job' })
  start(@Body() dto: StartResendJobDto, @CurrentAdmin() admin: AdminPrincipal): Promise<ResendJobResponse> {
    return this.jobs.start(dto.filter, dto.force ?? false, admin.email);
  }

  @Get()
  @ApiOperation({ summary: 'The most recent resend jobs with their progress' })
  list(): Promise<ResendJobListResponse> {
    return this.jobs.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress of a resend job' })
  get(@Param() params: IdParamDto): Promise<ResendJobResponse> {
    return this.jobs.get(params.id);
  }
}
