/**
 * Issue 16: a request the scripted server (arazzo test, arazzo mock) receives, checked against its
 * OpenAPI operation before it is answered: every required parameter is there (path, query, header,
 * cookie), each given one is valid against its schema (values read as text, typed by the schema,
 * ajv with type coercion, loaded on the first check), a required body is not empty, a body's
 * content type is one the operation declares, and a JSON body is valid against that media type's
 * schema (schema-check.ts, as for responses, with readOnly properties not required). What is
 * wrong comes back as lines naming the parameter or the body; the server answers 400 with them.
 */
import type { ValidateFunction } from 'ajv';
import { createSchemaCheck, isJsonMediaType, mediaTypeMatches } from '../checks/schema-check.js';
import type { OperationParameter, RequestBodyInfo, ResolvedOperation } from '../plan/operation.js';

export interface ReceivedRequest {
  /** Path template parameters, from the matched route. */
  pathValues: Record<string, string>;
  query: URLSearchParams;
  /** Lower-cased names. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

type Compile = (schema: unknown) => ValidateFunction | undefined;

let compiler: Promise<Compile> | undefined;
const compiled = new Map<unknown, ValidateFunction | undefined>();

function loadCompiler(): Promise<Compile> {
  compiler ??= import('ajv/dist/2020.js').then(({ Ajv2020 }) => {
    const ajv = new Ajv2020({ strict: false, coerceTypes: 'array', validateFormats: false, validateSchema: false, allErrors: false });
    return (schema: unknown) => {
      if (!compiled.has(schema)) {
        let validate: ValidateFunction | undefined;
        try {
          validate = ajv.compile({ type: 'object', properties: { value: schema as object } });
        } catch {
          // A schema ajv cannot compile (a circular $ref left in place) is not checked.
          validate = undefined;
        }
        compiled.set(schema, validate);
      }
      return compiled.get(schema);
    };
  });
  return compiler;
}

function valueOf(parameter: OperationParameter, request: ReceivedRequest): string | string[] | undefined {
  switch (parameter.in) {
    case 'path':
      return request.pathValues[parameter.name];
    case 'query': {
      const all = request.query.getAll(parameter.name);
      return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
    }
    case 'header':
      return request.headers[parameter.name.toLowerCase()];
    case 'cookie': {
      const cookie = request.headers.cookie;
      const pair = (Array.isArray(cookie) ? cookie.join('; ') : cookie ?? '').split(';').map((p) => p.trim()).find((p) => p.startsWith(`${parameter.name}=`));
      return pair === undefined ? undefined : decodeURIComponent(pair.slice(parameter.name.length + 1));
    }
    default:
      return undefined;
  }
}

export async function checkRequest(operation: ResolvedOperation, request: ReceivedRequest): Promise<string[]> {
  const problems: string[] = [];
  const compile = await loadCompiler();
  for (const parameter of operation.parameters) {
    const value = valueOf(parameter, request);
    if (value === undefined) {
      if (parameter.required) problems.push(`${parameter.in} parameter "${parameter.name}" is required by operation ${operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`} and is missing`);
      continue;
    }
    if (parameter.schema === undefined || parameter.contentType !== undefined) continue;
    const validate = compile(parameter.schema);
    if (!validate) continue;
    const data = { value: Array.isArray(value) || !isArraySchema(parameter.schema) ? value : value.split(',') };
    if (!validate(data)) {
      const error = validate.errors?.[0];
      problems.push(`${parameter.in} parameter "${parameter.name}" = ${JSON.stringify(value)} ${error?.message ?? 'does not match its schema'}${error?.instancePath && error.instancePath !== '/value' ? ` (at ${error.instancePath.replace(/^\/value/, '')})` : ''}`);
    }
  }
  const body = operation.requestBody;
  if (body?.required && request.body.trim() === '') problems.push(`operation ${operation.operationId ?? operation.path} requires a request body and none was sent`);
  if (body && request.body.trim() !== '') {
    const problem = await checkBody(body, request);
    if (problem) problems.push(problem);
  }
  return problems;
}

const bodyCheck = createSchemaCheck('request');

async function checkBody(body: RequestBodyInfo, request: ReceivedRequest): Promise<string | undefined> {
  const header = request.headers['content-type'];
  const contentType = ((Array.isArray(header) ? header[0] : header) ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType === '' || body.contentTypes.length === 0) return undefined;
  const matched = body.contentTypes.find((type) => mediaTypeMatches(type, contentType));
  if (matched === undefined) return `request body content type ${contentType} is not declared (declared: ${body.contentTypes.join(', ')})`;
  const schema = body.schemas?.[matched];
  if (schema === undefined || !isJsonMediaType(contentType)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(request.body);
  } catch (error) {
    return `request body is not valid JSON (${(error as Error).message})`;
  }
  const failure = await bodyCheck(schema, body.dialect ?? '3.1', value);
  return failure ? `request body${failure.path ? ` at ${failure.path}` : ''} ${failure.message}` : undefined;
}

const isArraySchema = (schema: unknown): boolean => typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'array';
