import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClickResponse } from '@goalpost/contracts';
import { IngestKeyGuard } from '../ingest-keys/ingest-key.guard';
import { ClicksService } from './clicks.service';
import { RecordClickDto } from './dto/record-click.dto';

@ApiTags('Server-to-server')
@ApiBearerAuth()
@UseGuards(IngestKeyGuard)
@Controller('api/v1/clicks')
export class ClicksIngestController {
  constructor(private readonly clicks: ClicksService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an Aflite click your own backend has seen' })
  record(@Body() dto: RecordClickDto): Promise<ClickResponse> {
    return this.clicks.record({ clickSessionId: dto.clickSessionID, via: 'server', landingUrl: dto.landingUrl, referrer: dto.referrer });
  }
}
