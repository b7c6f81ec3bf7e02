import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api/client.ts';

/**
 * Puts a coded error under the field it names (its message is already in the user's language);
 * returns false when the error names no field of this form, for the caller to show elsewhere.
 */
export function showFieldError(form: FormInstance, err: unknown, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  const name = err.field.split('.')[0];
  if (!fields.includes(name)) return false;
  form.setFields([{ name, errors: [err.message] }]);
  return true;
}
