import { Body, Controller, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConversionResponse, TraceResultResponse } from '@goalpost/contracts';
import type { FastifyReply } from 'fastify';
import { IngestKeyGuard } from '../ingest-keys/ingest-key.guard';
import { ConversionsService } from './conversions.service';
import { CreateConversionDto } from './dto/create-conversion.dto';

@ApiTags('Server-to-server')
@ApiBearerAuth()
@UseGuards(IngestKeyGuard)
@Controller('api/v1/conversions')
export class ConversionsIngestController {
  constructor(private readonly conversions: ConversionsService) {}

  @Post()
  @ApiOperation({ summary: 'Record a goal (201 new, 200 when this goal + mref was already recorded)' })
  async create(@Body() dto: CreateConversionDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConversionResponse | TraceResultResponse> {
    const input = {
      afliteGoalId: dto.goalId,
      mref: dto.mref,
      value: dto.value,
      clickSessionId: dto.clickSessionID,
      clickCookie: dto.clickCookie,
      source: 'api' as const,
    };
    if (dto.traceOnly) {
      reply.status(HttpStatus.OK);
      return this.conversions.trace(input);
    }
    const conversion = await this.conversions.record(input);
    reply.status(conversion.duplicate ? HttpStatus.OK : HttpStatus.CREATED);
    return conversion;
  }
}
