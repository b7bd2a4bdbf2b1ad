import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageLimit } from '../../common/page-query.dto';
import { WholeNumberFromText } from '../../common/text.validators';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @WholeNumberFromText()
  @IsInt({ message: 'cursor must be the nextCursor of a previous page' })
  @Min(1, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: number;

  @PageLimit()
  limit?: number;
}
