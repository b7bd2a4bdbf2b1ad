import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ResendRequest, StartResendJobRequest } from '@goalpost/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsInt, IsObject, IsOptional, Min, ValidateNested } from 'class-validator';
import { DeliveryFilterDto } from './delivery-filter.dto';

export const MAX_RESEND_IDS = 500;

export class ResendDto implements ResendRequest {
  @ApiProperty({ type: [Number], description: `Conversion ids, 1 to ${MAX_RESEND_IDS}` })
  @IsArray({ message: 'ids must be a list of conversion ids' })
  @ArrayMinSize(1, { message: 'ids must name at least one conversion' })
  @ArrayMaxSize(MAX_RESEND_IDS, { message: `ids may name at most ${MAX_RESEND_IDS} conversions; use "re-send all matching" for more` })
  @IsInt({ each: true, message: 'ids must be whole numbers' })
  @Min(1, { each: true, message: 'ids must be positive' })
  ids: number[];

  @ApiPropertyOptional({ description: 'Skip the goals-feed check (may duplicate a goal Aflite already holds)' })
  @IsOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;
}

export class StartResendJobDto implements StartResendJobRequest {
  @ApiProperty({ type: DeliveryFilterDto })
  @IsDefined({ message: 'filter is required (use {} for everything)' })
  @IsObject({ message: 'filter must be an object such as {} (everything) or {"status":"failed"}' })
  @ValidateNested()
  @Type(() => DeliveryFilterDto)
  filter: DeliveryFilterDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;
}
