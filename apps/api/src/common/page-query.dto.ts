import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { WholeNumberFromText } from './text.validators';

export const DEFAULT_PAGE_SIZE = 50;

/** The `limit` of every paginated admin list: 1–200, default 50. */
export function PageLimit(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, maximum: 200 }),
    IsOptional(),
    WholeNumberFromText(),
    IsInt({ message: 'limit must be a whole number' }),
    Min(1, { message: 'limit must be at least 1' }),
    Max(200, { message: 'limit must be at most 200' }),
  );
}

/** `cursor` and `limit` of a keyset-paginated admin list. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(64, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @PageLimit()
  limit?: number;
}
