import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiErrorBody, ApiFieldError } from '@goalpost/contracts';

/** class-validator's errors as field errors, nested fields named `parent.child`. */
export function fieldErrors(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** Global pipe: unknown fields are refused, types converted, and every message starts with the field it is about. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(fieldErrors(errors)),
  });
}

/** The 400 for invalid input: every problem, each naming its field. */
export function validationFailed(fields: ApiFieldError[]): BadRequestException {
  const body: ApiErrorBody = {
    statusCode: 400,
    error: 'validation_failed',
    message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
    fields,
  };
  return new BadRequestException(body);
}
