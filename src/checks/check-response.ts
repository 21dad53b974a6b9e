/**
 * A response against its operation's description (issue 13 "Response checks"): the status is
 * declared (exactly, as a range such as 2XX, or by `default`), its content type is one the status
 * declares, and a JSON body is valid against that media type's schema. ajv is imported on the first
 * schema check only; each schema is compiled once per run.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ResponseCheckPort } from '../engine/ports.js';
import { toResponseSchema, type Dialect } from './openapi-schema.js';

export function createResponseChecker(): ResponseCheckPort {
  const compiled = new Map<unknown, { ok: true; validate: ValidateFunction } | { ok: false }>();
  const compilers = new Map<Dialect, Promise<(schema: unknown) => ValidateFunction>>();
  const compilerFor = (dialect: Dialect): Promise<(schema: unknown) => ValidateFunction> => {
    let compiler = compilers.get(dialect);
    if (!compiler) {
      compiler = loadCompiler(dialect);
      compilers.set(dialect, compiler);
    }
    return compiler;
  };
  return async (responses, response) => {
    const status = String(response.status);
    const key = [status, `${status[0]}XX`, 'DEFAULT'].find((k) => Object.hasOwn(responses.byStatus, k));
    if (key === undefined) {
      return [{ check: 'status', message: `status ${status} is not declared (declared: ${Object.keys(responses.byStatus).join(', ').toLowerCase() || 'none'})` }];
    }
    const media = responses.byStatus[key]!;
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const declared = Object.keys(media);
    if (contentType === '' || declared.length === 0) return [];
    const matched = declared.find((type) => matches(type, contentType));
    if (matched === undefined) return [{ check: 'content-type', message: `content type ${contentType} is not declared for ${key.toLowerCase()} (declared: ${declared.join(', ')})` }];
    const schema = media[matched];
    if (schema === undefined || !isJson(contentType) || typeof response.body === 'string') return [];
    let validator = compiled.get(schema);
    if (!validator) {
      try {
        validator = { ok: true, validate: (await compilerFor(responses.dialect))(toResponseSchema(schema, responses.dialect)) };
      } catch {
        // A schema ajv cannot compile (e.g. a circular $ref left in place) is not checked.
        validator = { ok: false };
      }
      compiled.set(schema, validator);
    }
    if (!validator.ok || validator.validate(response.body)) return [];
    const fn = validator.validate;
    const first = fn.errors?.[0];
    return [{ check: 'schema', message: `body${first?.instancePath ? ` at ${first.instancePath}` : ''} ${describe(first)}`, pointer: first?.instancePath ?? '' }];
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

function matches(declared: string, actual: string): boolean {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (type === actual || type === '*/*') return true;
  return type.endsWith('/*') && actual.startsWith(type.slice(0, -1));
}

const isJson = (type: string): boolean => type === 'application/json' || type.endsWith('+json');

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'does not match the schema';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `misses required property "${String(params.missingProperty)}"`;
  if (error.keyword === 'additionalProperties') return `has property "${String(params.additionalProperty)}", which the schema does not allow`;
  if (error.keyword === 'enum') return `${error.message ?? 'is not allowed'}: ${JSON.stringify(params.allowedValues)}`;
  return error.message ?? `fails ${error.keyword}`;
}
