import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CLICK_SESSION_MESSAGE, CLICK_SESSION_PATTERN } from './record-click.dto';

export class PixelQueryDto {
  @IsString({ message: 'clickSource is required and must be "aflite"' })
  @Matches(/^aflite$/i, { message: 'clickSource must be "aflite"' })
  clickSource: string;

  @IsString()
  @Matches(CLICK_SESSION_PATTERN, { message: CLICK_SESSION_MESSAGE })
  clickSessionID: string;

  @IsOptional()
  @IsString()
  @MaxLength(2048)
  to?: string;
}
