import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MREF_PATTERN, toBoolean } from './create-conversion.dto';

/** `goalpost('goal', { goal, mref, value })` from the snippet; attributed by the visitor's cookie. */
export class BrowserGoalDto {
  @Transform(({ value }) => (typeof value === 'number' ? String(value) : value))
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  goal: string;

  @IsString()
  @Matches(MREF_PATTERN, { message: 'mref must be 1-128 characters without spaces, quotes or angle brackets' })
  mref: string;

  @IsOptional()
  @ValidateIf((_, v) => typeof v !== 'number')
  @IsString({ message: 'value must be an amount such as 10.99' })
  value?: string | number;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  traceOnly?: boolean;
}
