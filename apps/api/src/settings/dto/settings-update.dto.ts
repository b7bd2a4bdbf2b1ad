import { ApiPropertyOptional } from '@nestjs/swagger';
import type { SettingsUpdate } from '@goalpost/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';
import { PlainText } from '../../common/text.validators';
import { isHostname, isHostPattern, isHttpBaseUrl, isOriginPattern, IsListOf } from './settings-validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Present fields are validated, null included; only an absent field is skipped (IsOptional would let null through). */
const IfPresent = () => ValidateIf((_, value) => value !== undefined);

export class SettingsUpdateDto implements SettingsUpdate {
  @ApiPropertyOptional({ description: 'Write-only; an empty string clears it' })
  @IfPresent()
  @Transform(trim)
  @IsString({ message: 'afliteApiKey must be text' })
  @MaxLength(256, { message: 'afliteApiKey must be at most 256 characters' })
  @Matches(/^\S*$/, { message: 'afliteApiKey must not contain spaces' })
  @PlainText()
  afliteApiKey?: string;

  @ApiPropertyOptional({ nullable: true, example: '1001' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'afliteMid must be text' })
  @Matches(/^([A-Za-z0-9._-]{1,64})?$/, { message: 'afliteMid must be 1-64 letters, digits, dots, dashes or underscores' })
  afliteMid?: string | null;

  @ApiPropertyOptional({ example: 'http://aflite.co.uk' })
  @IfPresent()
  @Transform(trim)
  @IsString({ message: 'afliteBaseUrl must be an http(s) URL such as http://aflite.co.uk' })
  @PlainText()
  @ValidateBy(
    { name: 'isHttpBaseUrl', validator: { validate: (v: unknown) => typeof v === 'string' && isHttpBaseUrl(v) } },
    { message: 'afliteBaseUrl must be an http(s) URL such as http://aflite.co.uk (no query, no credentials)' },
  )
  afliteBaseUrl?: string;

  @ApiPropertyOptional({ enum: ['GET', 'POST'] })
  @IfPresent()
  @IsIn(['GET', 'POST'], { message: 'afliteMethod must be GET or POST' })
  afliteMethod?: 'GET' | 'POST';

  @ApiPropertyOptional({ minimum: 1, maximum: 50 })
  @IfPresent()
  @IsInt({ message: 'maxAttempts must be a whole number' })
  @Min(1, { message: 'maxAttempts must be at least 1' })
  @Max(50, { message: 'maxAttempts must be at most 50' })
  maxAttempts?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 86_400 })
  @IfPresent()
  @IsInt({ message: 'retryBaseSeconds must be a whole number of seconds' })
  @Min(1, { message: 'retryBaseSeconds must be at least 1' })
  @Max(86_400, { message: 'retryBaseSeconds must be at most 86400 (a day)' })
  retryBaseSeconds?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 604_800 })
  @IfPresent()
  @IsInt({ message: 'retryMaxSeconds must be a whole number of seconds' })
  @Min(1, { message: 'retryMaxSeconds must be at least 1' })
  @Max(604_800, { message: 'retryMaxSeconds must be at most 604800 (a week)' })
  retryMaxSeconds?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365 })
  @IfPresent()
  @IsInt({ message: 'attributionWindowDays must be a whole number of days' })
  @Min(1, { message: 'attributionWindowDays must be at least 1' })
  @Max(365, { message: 'attributionWindowDays must be at most 365' })
  attributionWindowDays?: number;

  @ApiPropertyOptional({ nullable: true, example: '.shop.example' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'cookieDomain must be a host name such as shop.example' })
  @ValidateBy(
    { name: 'isCookieDomain', validator: { validate: (v: unknown) => typeof v === 'string' && (v === '' || isHostname(v.replace(/^\./, ''))) } },
    { message: 'cookieDomain must be a host name such as shop.example or .shop.example' },
  )
  cookieDomain?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['https://shop.example', 'https://*.shop.example'] })
  @IfPresent()
  @IsListOf(isOriginPattern, 'https://shop.example')
  allowedOrigins?: string[];

  @ApiPropertyOptional({ type: [String], example: ['shop.example', '*.shop.example'] })
  @IfPresent()
  @IsListOf(isHostPattern, 'shop.example')
  redirectHosts?: string[];
}
