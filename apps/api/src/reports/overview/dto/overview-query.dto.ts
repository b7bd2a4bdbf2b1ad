import { ApiPropertyOptional } from '@nestjs/swagger';
import type { OverviewPeriod } from '@goalpost/contracts';
import { IsIn, IsOptional } from 'class-validator';

export const OVERVIEW_PERIODS: OverviewPeriod[] = ['24h', '7d', '30d', '90d'];

export class OverviewQueryDto {
  @ApiPropertyOptional({ enum: OVERVIEW_PERIODS, default: '7d' })
  @IsOptional()
  @IsIn(OVERVIEW_PERIODS, { message: `period must be one of ${OVERVIEW_PERIODS.join(', ')}` })
  period?: OverviewPeriod;
}
