import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CLICK_SESSION_MESSAGE, CLICK_SESSION_PATTERN } from '../../clicks/dto/record-click.dto';

const TRUE_TEXT = new Set(['1', 'true', 'yes', 'on']);
const FALSE_TEXT = new Set(['0', 'false', 'no', 'off']);

/**
 * Form posts carry everything as strings: "1"/"true" mean true, "0"/"false" false. Any other text is left
 * as it is so that IsBoolean refuses it: a typo in traceOnly must not silently record a live conversion.
 */
export const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  return TRUE_TEXT.has(text) ? true : FALSE_TEXT.has(text) ? false : value;
};

const toTrimmedString = ({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value);

// Control characters too: nothing sensible contains them, and PostgreSQL refuses NUL in text outright.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
export const MREF_PATTERN = /^[^\s<>"'\\\x00-\x1f\x7f]{1,128}$/;

export class CreateConversionDto {
  @ApiProperty({ description: 'Aflite goal ID as set up under Goals', example: '5' })
  @Transform(toTrimmedString)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  goalId: string;

  @ApiProperty({ description: 'Your unique reference for this goal, e.g. the order number', example: 'ORDER-1001' })
  @Transform(toTrimmedString)
  @IsString()
  @Matches(MREF_PATTERN, { message: 'mref must be 1-128 characters without spaces, quotes or angle brackets' })
  mref: string;

  @ApiPropertyOptional({ description: 'Amount in pounds, e.g. "10.99"; the goal default when absent', example: '10.99' })
  @IsOptional()
  @ValidateIf((_, v) => typeof v !== 'number')
  @IsString({ message: 'value must be an amount such as 10.99' })
  value?: string | number;

  @ApiPropertyOptional({ example: 'a1b2c3d4' })
  @IsOptional()
  @IsString()
  @Matches(CLICK_SESSION_PATTERN, { message: CLICK_SESSION_MESSAGE })
  clickSessionID?: string;

  @ApiPropertyOptional({ description: "The visitor's gp_click cookie value, when you do not have the clickSessionID" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  clickCookie?: string;

  @ApiPropertyOptional({ description: "Send at once with traceOnly=1 (Aflite's Trace Report; nothing recorded)" })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  traceOnly?: boolean;
}
