/**
 * Inputs are validated against the workflow's inputs JSON Schema (2020-12) before any request.
 * Every problem is reported at once, naming the input. ajv is loaded only on this path.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { unescapePointerToken, type Problem } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';

/** A problem with one input; `input` is the top-level input name ('' for the whole object). */
export type InputProblem = Problem & { input: string };

export type InputValidation = { ok: true; inputs: Record<string, unknown> } | { ok: false; problems: InputProblem[] };

// One ajv and one compiled validator per schema object for the process: a queue worker checks the
// inputs of each resumed run against the same (kept) plan's schema.
let shared: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

async function compile(schema: object): Promise<ValidateFunction> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  // validateSchema: false skips compiling the 2020-12 meta-schema (~45 ms of every run's start-up);
  // a schema ajv cannot compile is still reported.
  const fresh = (): Ajv2020 => new Ajv2020({ allErrors: true, strict: false, useDefaults: true, validateFormats: false, validateSchema: false });
  shared ??= fresh();
  try {
    return shared.compile(schema);
  } catch (error) {
    // Another object with the same $id (the same document loaded again) is already in the shared ajv.
    if (!/already exists/.test((error as Error).message)) throw error;
    return fresh().compile(schema);
  }
}

export async function validateInputs(schema: unknown, inputs: Record<string, unknown>): Promise<InputValidation> {
  if (schema === undefined) return { ok: true, inputs };
  if (!isObject(schema)) return { ok: false, problems: [{ input: '', code: 'inputs-schema-invalid', message: 'The workflow inputs schema is not an object' }] };
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = await compile(schema);
    } catch (error) {
      return { ok: false, problems: [{ input: '', code: 'inputs-schema-invalid', message: `The workflow inputs schema is invalid: ${(error as Error).message}` }] };
    }
    compiled.set(schema, validate);
  }
  const copy = structuredClone(inputs);
  if (validate(copy)) return { ok: true, inputs: copy };
  const problems = (validate.errors ?? []).filter((e) => !isCombinatorNoise(e)).map((e) => toProblem(e, copy));
  return { ok: false, problems: dedupe(problems) };
}

function toProblem(error: ErrorObject, inputs: Record<string, unknown>): InputProblem {
  const params = error.params as Record<string, unknown>;
  const segments = error.instancePath.split('/').slice(1).map(unescapePointerToken);
  if (error.keyword === 'required') {
    const missing = String(params.missingProperty);
    const where = [...segments, missing];
    if (segments.length === 0) return { input: missing, code: 'input-missing', message: `Required input "${missing}" was not given`, hint: `Pass --input ${missing}=<value>.` };
    return { input: where[0]!, code: 'input-invalid', message: `Input "${where.join('.')}" is required but missing` };
  }
  if (error.keyword === 'additionalProperties' && segments.length === 0) {
    const extra = String(params.additionalProperty);
    return { input: extra, code: 'input-unknown', message: `Input "${extra}" is not declared by the workflow`, hint: 'Check the spelling (arazzo describe <file> lists the inputs).' };
  }
  const name = segments.join('.') || '(inputs)';
  const allowed = error.keyword === 'enum' && Array.isArray(params.allowedValues) ? `Allowed: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}.` : undefined;
  const hint = allowed ?? (error.keyword === 'type' ? typeHint(String(params.type), segments.at(-1) ?? name) : undefined);
  const value = segments.length > 0 ? shown(valueAt(inputs, segments)) : undefined;
  return { input: segments[0] ?? '', code: 'input-invalid', message: `Input "${name}" ${error.message ?? 'is invalid'}${value ? ` (got ${value})` : ''}`, ...(hint ? { hint } : {}) };
}

const EXAMPLES: Record<string, string> = { integer: '2', number: '1.5', boolean: 'true', string: '"text"', array: '[1, 2]', object: '{"key": "value"}', null: 'null' };

/** Files keep their JSON/YAML types, so "2" (quoted) is a string there. */
function typeHint(type: string, name: string): string {
  const example = EXAMPLES[type.split(',')[0]!];
  return `Give a value of type ${type}${example ? `, e.g. ${name}: ${example} in an inputs file or --input ${name}='${example}'` : ''}.`;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "must match a schema in anyOf" repeats what its branches said; keep it only when alone. */
const isCombinatorNoise = (error: ErrorObject): boolean => error.keyword === 'if';

function dedupe(problems: InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
