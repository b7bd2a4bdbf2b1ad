import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { WholeNumberFromText } from './text.validators';

/** `:id` in an admin route: a positive whole number in decimal digits, or a 400 that says so. */
export class IdParamDto {
  @ApiProperty({ example: 1 })
  @WholeNumberFromText()
  @IsInt({ message: 'id must be a whole number' })
  @Min(1, { message: 'id must be at least 1' })
  @Max(2_147_483_647, { message: 'id is too large' })
  id: number;
}
