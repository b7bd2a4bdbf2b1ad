import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword must be text' })
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(1024, { message: 'currentPassword must be at most 1024 characters' })
  currentPassword: string;

  /** Length here; the rest of the policy (common and easily guessed passwords) is the service's. */
  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString({ message: 'newPassword must be text' })
  @MinLength(10, { message: 'newPassword must be at least 10 characters' })
  @MaxLength(1024, { message: 'newPassword must be at most 1024 characters' })
  newPassword: string;
}
