import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { isEmail, IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { isPlainText } from '../../common/text.validators';

const normalizeEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** isEmail throws (URIError) on an unpaired surrogate: such text is refused before it is asked. */
const IsEmailAddress = () =>
  ValidateBy(
    { name: 'isEmailAddress', validator: { validate: (value: unknown) => typeof value === 'string' && isPlainText(value) && isEmail(value) } },
    { message: 'email must be an email address' },
  );

export class SignInDto {
  @ApiProperty({ example: 'owner@shop.example' })
  @Transform(normalizeEmail)
  @IsString({ message: 'email must be an email address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmailAddress()
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(1024, { message: 'password must be at most 1024 characters' })
  password: string;
}

/** The first admin account: the same fields, with a password policy. */
export class SetupDto extends SignInDto {
  @ApiProperty({ format: 'password', minLength: 10 })
  @IsString({ message: 'password must be text' })
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(1024, { message: 'password must be at most 1024 characters' })
  declare password: string;
}
