import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RecentClicksQueryDto {
  @ApiProperty({ description: "ISO date-time; pass the previous answer's serverTime", example: '2024-11-01T09:30:00Z' })
  @IsString({ message: 'since must be an ISO date-time such as 2024-11-01T09:30:00Z' })
  @MaxLength(40, { message: 'since must be an ISO date-time such as 2024-11-01T09:30:00Z' })
  since: string;
}
