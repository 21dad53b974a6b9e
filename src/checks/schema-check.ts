/**
 * One JSON Schema check for what travels over HTTP, shared by the response checks (issue 13) and
 * the request checks of arazzo test and arazzo mock (issue 16): the OpenAPI schema becomes the JSON
 * Schema of its dialect and direction (openapi-schema.ts), compiled once by one ajv per dialect;
 * ajv is imported on the first check only.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { toCheckSchema, type Dialect, type Direction } from './openapi-schema.js';

export interface SchemaFailure {
  /** JSON pointer of the first value that fails ('' for the whole body). */
  path: string;
  message: string;
}

export type SchemaCheck = (schema: unknown, dialect: Dialect, value: unknown) => Promise<SchemaFailure | undefined>;

// One ajv per dialect and one compiled validator per schema object and direction, for the whole
// process: a queue worker resumes runs of the same (kept) plan over and over.
const compilers = new Map<Dialect, Promise<(schema: unknown) => ValidateFunction>>();
const compiled: Record<Direction, WeakMap<object, ValidateFunction | null>> = { request: new WeakMap(), response: new WeakMap() };

export function createSchemaCheck(direction: Direction): SchemaCheck {
  const kept = compiled[direction];
  return async (schema, dialect, value) => {
    // null: a schema ajv cannot compile (e.g. a circular $ref left in place), which is not checked.
    let validate = typeof schema === 'object' && schema !== null ? kept.get(schema) : undefined;
    if (validate === undefined) {
      let compiler = compilers.get(dialect);
      if (!compiler) {
        compiler = loadCompiler(dialect);
        compilers.set(dialect, compiler);
      }
      const compile = await compiler;
      try {
        validate = compile(toCheckSchema(schema, dialect, direction));
      } catch {
        validate = null;
      }
      if (typeof schema === 'object' && schema !== null) kept.set(schema, validate);
    }
    if (validate === null || validate(value)) return undefined;
    const first = validate.errors?.[0];
    return { path: first?.instancePath ?? '', message: describe(first) };
  };
}

async function loadCompiler(dialect: Dialect): Promise<(schema: unknown) => ValidateFunction> {
  const options = { allErrors: false, strict: false, validateFormats: false, validateSchema: false } as const;
  if (dialect === '3.1') {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020(options);
    return (schema) => ajv.compile(schema as object);
  }
  const { Ajv } = await import('ajv');
  const ajv = new Ajv(options);
  return (schema) => ajv.compile(schema as object);
}

/** A declared media type (`application/json`, `image/*`, `*\/*`, with parameters) against an actual one. */
export function mediaTypeMatches(declared: string, actual: string): boolean {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (type === actual || type === '*/*') return true;
  return type.endsWith('/*') && actual.startsWith(type.slice(0, -1));
}

export const isJsonMediaType = (type: string): boolean => type === 'application/json' || type.endsWith('+json');

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'does not match the schema';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `misses required property "${String(params.missingProperty)}"`;
  if (error.keyword === 'additionalProperties') return `has property "${String(params.additionalProperty)}", which the schema does not allow`;
  if (error.keyword === 'enum') return `${error.message ?? 'is not allowed'}: ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? `fails ${error.keyword}`;
}
