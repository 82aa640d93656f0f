import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { memoizeValidationMetadata } from './validation-metadata.cache';

/** Flattens class-validator's tree into `{path, message}` pairs, e.g. `input.context.3.text`. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): { path: string; message: string }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      // class-validator names only the leaf property; the full path is clearer in nested bodies.
      message: message.startsWith(error.property)
        ? `${path}${message.slice(error.property.length)}`
        : message.replace(`property ${error.property} `, `property ${path} `),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** Whitelisting validation: unknown fields are refused, every problem names its field. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.map((p) => p.message).join('; ') || 'Invalid request body',
        problems,
      });
    },
  });
}
