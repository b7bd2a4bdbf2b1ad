import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class ClickListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'A clickSessionID, or the start of one' })
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @Matches(/^\S{1,128}$/u, { message: 'q must be 1-128 characters without spaces' })
  q?: string;
}
