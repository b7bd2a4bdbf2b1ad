import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageLimit } from '../../common/page-query.dto';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'cursor must be the nextCursor of a previous page' })
  @Min(1, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: number;

  @PageLimit()
  limit?: number;
}
