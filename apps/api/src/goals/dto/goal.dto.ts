import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { GoalRequest } from '@goalpost/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PlainText } from '../../common/text.validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateGoalDto implements GoalRequest {
  @ApiProperty({ example: '5', description: 'The goal ID Aflite gave this goal' })
  @Transform(trim)
  @IsString({ message: 'afliteGoalId must be text' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'afliteGoalId must be 1-64 letters, digits, dots, dashes or underscores' })
  afliteGoalId: string;

  @ApiProperty({ example: 'Sale' })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(120, { message: 'name must be at most 120 characters' })
  @PlainText()
  name: string;

  @ApiPropertyOptional({ example: '10.00', nullable: true, description: 'Used when a conversion has no value' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'defaultValue must be an amount such as 10.00, or null' })
  defaultValue?: string | null;

  @ApiPropertyOptional({
    example: '250.00',
    nullable: true,
    description: 'The most a goal from a browser may be worth; null: 10× the default value, or 1000.00 without one',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'maxBrowserValue must be an amount such as 250.00, or null' })
  maxBrowserValue?: string | null;

  @ApiPropertyOptional({ description: 'Allow goalpost("goal", …) from the browser' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean({ message: 'allowBrowser must be true or false' })
  allowBrowser?: boolean;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

/** Any subset; null is refused for every field but defaultValue and maxBrowserValue (which null clears). */
export class UpdateGoalDto extends PartialType(CreateGoalDto, { skipNullProperties: false }) {}
