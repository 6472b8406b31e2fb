import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from '@yardstick/contracts';
import { ValidationFailedException } from './errors/app.exception.js';

/** The global pipe: unknown fields are refused, and every failure names the field at fault. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      reason: message.replace(/^property \S+ /, '').replace(new RegExp(`^${escapeRegExp(error.property)} `), ''),
      ...(isEchoable(error.value) ? { value: error.value } : {}),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function isEchoable(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
