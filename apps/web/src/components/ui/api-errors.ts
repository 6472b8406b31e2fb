import { isApiError } from '@/lib/api-client';
import type { FieldErrors } from './error-summary';

/**
 * Splits an API error into messages per field (from its details) and a general message.
 * `fields` maps API field names to the form's names when they differ.
 */
export const apiErrorToForm = (
  error: unknown,
  fields: Record<string, string> = {},
): { fieldErrors: FieldErrors; general: string | null } => {
  if (!isApiError(error)) return { fieldErrors: {}, general: 'Something went wrong. Try again.' };
  const fieldErrors: FieldErrors = {};
  for (const detail of error.details) {
    if (!detail.field) continue;
    const name = fields[detail.field] ?? detail.field;
    fieldErrors[name] ??= capitalise(detail.reason);
  }
  return { fieldErrors, general: Object.keys(fieldErrors).length > 0 ? null : error.message };
};

const capitalise = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
