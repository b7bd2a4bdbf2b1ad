import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Aflite's IDs are opaque; anything printable without spaces or markup is accepted. */
export const CLICK_SESSION_PATTERN = /^[A-Za-z0-9._~:@!$*+=-]{1,128}$/;
export const CLICK_SESSION_MESSAGE = 'clickSessionID must be 1-128 letters, digits or . _ ~ : @ ! $ * + = -';

/** Free text that is stored must be printable: PostgreSQL refuses NUL in text, which would be a 500. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
export const PRINTABLE_PATTERN = /^[^\x00-\x1f\x7f]*$/;

export class RecordClickDto {
  @ApiProperty({ example: 'a1b2c3d4' })
  @IsString()
  @Matches(CLICK_SESSION_PATTERN, { message: CLICK_SESSION_MESSAGE })
  clickSessionID: string;

  @ApiPropertyOptional({ example: 'aflite' })
  @IsOptional()
  @IsString()
  @Matches(/^aflite$/i, { message: 'clickSource must be "aflite"' })
  clickSource?: string;

  @ApiPropertyOptional({ example: 'https://shop.example/product/42?clickSource=aflite&clickSessionID=a1b2c3d4' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @Matches(PRINTABLE_PATTERN, { message: 'landingUrl must not contain control characters' })
  landingUrl?: string;

  @ApiPropertyOptional({ example: 'https://affiliate.example/blog' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @Matches(PRINTABLE_PATTERN, { message: 'referrer must not contain control characters' })
  referrer?: string;
}
