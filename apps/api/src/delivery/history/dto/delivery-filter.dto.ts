import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { CONVERSION_STATUSES, type ConversionStatus, type DeliveryFilter } from '@goalpost/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';

const DATE_MESSAGE = 'must be an ISO date or date-time, e.g. 2024-11-01 or 2024-11-01T09:30:00Z';

/** The filter of the delivery history, CSV export and "re-send all matching". */
export class DeliveryFilterDto implements DeliveryFilter {
  @ApiPropertyOptional({ enum: CONVERSION_STATUSES })
  @IsOptional()
  @IsIn(CONVERSION_STATUSES, { message: `status must be one of ${CONVERSION_STATUSES.join(', ')}` })
  status?: ConversionStatus;

  @ApiPropertyOptional({ description: 'Aflite goal ID' })
  @IsOptional()
  @IsString({ message: 'goalId must be text' })
  @MaxLength(64, { message: 'goalId must be at most 64 characters' })
  goalId?: string;

  @ApiPropertyOptional({ description: 'Inclusive; a date without a zone is Europe/London time' })
  @IsOptional()
  @IsString({ message: `from ${DATE_MESSAGE}` })
  @MaxLength(40, { message: `from ${DATE_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive; a date without a zone is Europe/London time' })
  @IsOptional()
  @IsString({ message: `to ${DATE_MESSAGE}` })
  @MaxLength(40, { message: `to ${DATE_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({ enum: ['live', 'test'], description: 'Both when absent' })
  @IsOptional()
  @IsIn(['live', 'test'], { message: 'kind must be live or test' })
  kind?: 'live' | 'test';

  @ApiPropertyOptional({ description: 'The start of an mref or clickSessionID, in any case (% and _ are plain characters)' })
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @Matches(/^\S{1,128}$/u, { message: 'q must be 1-128 characters without spaces' })
  q?: string;
}

/** The history list: the filter plus keyset paging. */
export class DeliveryListQueryDto extends IntersectionType(DeliveryFilterDto, PageQueryDto) {}
