import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

export class TraceQueryDto {
  @ApiProperty({ description: 'An mref or a clickSessionID, exactly', example: 'ORDER-1001' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be an mref or a clickSessionID' })
  @Matches(/^\S{1,128}$/u, { message: 'q must be an mref or a clickSessionID (1-128 characters, no spaces)' })
  q: string;
}
