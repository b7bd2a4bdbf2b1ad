import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TraceTestRequest } from '@goalpost/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CLICK_SESSION_MESSAGE, CLICK_SESSION_PATTERN } from '../../../clicks/dto/record-click.dto';
import { MREF_PATTERN } from '../../../conversions/dto/create-conversion.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class TraceTestDto implements TraceTestRequest {
  @ApiProperty({ example: '5' })
  @Transform(trim)
  @IsString({ message: 'goalId must be text' })
  @MinLength(1, { message: 'goalId is required' })
  @MaxLength(64, { message: 'goalId must be at most 64 characters' })
  goalId: string;

  @ApiProperty({ example: 'a1b2c3d4' })
  @Transform(trim)
  @IsString({ message: CLICK_SESSION_MESSAGE })
  @Matches(CLICK_SESSION_PATTERN, { message: CLICK_SESSION_MESSAGE })
  clickSessionID: string;

  @ApiPropertyOptional({ example: '10.99', description: "The goal's default value when absent" })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'value must be an amount such as 10.99' })
  value?: string;

  @ApiPropertyOptional({ description: 'Default: TEST-<timestamp>' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'mref must be text' })
  @Matches(MREF_PATTERN, { message: 'mref must be 1-128 characters without spaces, quotes or angle brackets' })
  mref?: string;
}
