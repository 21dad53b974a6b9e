/** The names a workflow's inputs schema lists in `required` (strings only; anything else is the schema's own error). */
import { isObject, ownField } from '../document/model.js';

export function requiredInputs(schema: unknown): string[] {
  const required = isObject(schema) ? ownField(schema, 'required') : undefined;
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}
