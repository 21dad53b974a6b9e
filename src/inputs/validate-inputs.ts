/**
 * Inputs are validated against the workflow's inputs JSON Schema (2020-12) before any request.
 * Every problem is reported at once, naming the input. ajv is loaded only on this path.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';

export type InputValidation = { ok: true; inputs: Record<string, unknown> } | { ok: false; problems: Problem[] };

export async function validateInputs(schema: unknown, inputs: Record<string, unknown>): Promise<InputValidation> {
  if (schema === undefined) return { ok: true, inputs };
  if (!isObject(schema)) return { ok: false, problems: [{ code: 'inputs-schema-invalid', message: 'The workflow inputs schema is not an object' }] };
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: true, validateFormats: false });
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    return { ok: false, problems: [{ code: 'inputs-schema-invalid', message: `The workflow inputs schema is invalid: ${(error as Error).message}` }] };
  }
  const copy = structuredClone(inputs);
  if (validate(copy)) return { ok: true, inputs: copy };
  const problems = (validate.errors ?? []).map((error): Problem => {
    const missing = error.keyword === 'required' ? String((error.params as { missingProperty?: string }).missingProperty) : undefined;
    const name = missing ?? error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    return missing
      ? { code: 'input-missing', message: `Required input "${missing}" was not given`, hint: `Pass --input ${missing}=<value>.` }
      : { code: 'input-invalid', message: `Input "${name || '(root)'}" ${error.message ?? 'is invalid'}` };
  });
  return { ok: false, problems };
}
