import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiErrorBody, ApiFieldError } from '@goalpost/contracts';

function flatten(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Global pipe: unknown fields are refused, types converted, and every message starts with the field it is about. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const body: ApiErrorBody = {
        statusCode: 400,
        error: 'validation_failed',
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        fields,
      };
      return new BadRequestException(body);
    },
  });
}
