import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments } from 'class-validator';

// Control characters (C0, DEL, C1) and UTF-16 halves without their other half.
const NOT_PLAIN = /[\p{Cc}\p{Cs}]/u;

/** Text a person typed: no control characters (NUL, line breaks, escapes) and no unpaired surrogate, which storage and logs would mangle. */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** Refuses a string holding control characters or an unpaired surrogate, naming the field; other types are left to the field's own checks. */
export function PlainText(): PropertyDecorator {
  return ValidateBy({
    name: 'isPlainText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || isPlainText(value),
      defaultMessage: ({ property }: ValidationArguments) =>
        `${property} must not contain control characters (such as NUL or line breaks) or unpaired surrogates`,
    },
  });
}

const DECIMAL_DIGITS = /^\d{1,15}$/;

/**
 * A query or path value read as a whole number only when it is written in decimal digits: `0x10`, `1e1`,
 * ` 5` or `5.0` stay text, so the field's IsInt refuses them with its own message (Number() would accept them).
 */
export function WholeNumberFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL_DIGITS.test(value) ? Number(value) : value));
}
