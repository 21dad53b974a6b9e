/**
 * Dereferenced OpenAPI (3.0, 3.1; Swagger 2.0 where its shape allows) → the operations a step
 * can target, by operationId and by JSON pointer (for operationPath).
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import type { OperationParameter, OperationServer, ParameterLocation, ResolvedOperation, SecurityScheme } from './operation.js';
import { readOperationSecurity, readSecuritySchemes } from './read-security.js';
import { readResponses } from './read-responses.js';

export interface OperationIndex {
  sourceName: string;
  operations: readonly ResolvedOperation[];
  byOperationId: ReadonlyMap<string, ResolvedOperation>;
  /** JSON pointer of the Operation Object ("/paths/~1pets/get") → operation. */
  byPointer: ReadonlyMap<string, ResolvedOperation>;
  /** operationIds declared more than once in this source. */
  duplicateOperationIds: readonly string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'];

export function indexOperations(sourceName: string, document: unknown): OperationIndex {
  const root = isObject(document) ? document : {};
  const rootServers = readServers(root);
  const securitySchemes = readSecuritySchemes(root);
  const operations: ResolvedOperation[] = [];
  const byOperationId = new Map<string, ResolvedOperation>();
  const byPointer = new Map<string, ResolvedOperation>();
  const duplicates = new Set<string>();
  const paths = ownField(root, 'paths');
  if (!isObject(paths)) return { sourceName, operations, byOperationId, byPointer, duplicateOperationIds: [] };

  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const pathServers = readServers(item);
    const pathParameters = readParameters(ownField(item, 'parameters'));
    for (const method of METHODS) {
      const operation = ownField(item, method);
      if (!isObject(operation)) continue;
      const pointer = childPointer(childPointer('/paths', path), method);
      const resolved = buildOperation({ sourceName, path, method, operation, pointer, pathParameters, root, securitySchemes });
      const servers = readServers(operation);
      resolved.servers = servers.length > 0 ? servers : pathServers.length > 0 ? pathServers : rootServers;
      operations.push(resolved);
      byPointer.set(pointer, resolved);
      if (resolved.operationId === undefined) continue;
      if (byOperationId.has(resolved.operationId)) duplicates.add(resolved.operationId);
      else byOperationId.set(resolved.operationId, resolved);
    }
  }
  return { sourceName, operations, byOperationId, byPointer, duplicateOperationIds: [...duplicates] };
}

interface OperationInput {
  sourceName: string;
  path: string;
  method: string;
  operation: JsonObject;
  pointer: string;
  pathParameters: OperationParameter[];
  root: JsonObject;
  securitySchemes: Readonly<Record<string, SecurityScheme>>;
}

function buildOperation(input: OperationInput): ResolvedOperation & { servers: readonly OperationServer[] } {
  const { operation } = input;
  const own = readParameters(ownField(operation, 'parameters'));
  // Operation-level parameters override path-level ones with the same name and location.
  const merged = [...input.pathParameters.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
  const operationId = ownField(operation, 'operationId');
  const requestBody = readRequestBody(operation, input.root);
  const security = readOperationSecurity(operation, input.root, input.securitySchemes);
  const responses = readResponses(operation, input.root);
  return {
    sourceName: input.sourceName,
    ...(typeof operationId === 'string' ? { operationId } : {}),
    method: input.method.toUpperCase(),
    path: input.path,
    servers: [],
    parameters: merged,
    ...(requestBody ? { requestBody } : {}),
    pointer: input.pointer,
    ...(security ? { security } : {}),
    ...(responses ? { responses } : {}),
  };
}

function readParameters(list: unknown): OperationParameter[] {
  if (!Array.isArray(list)) return [];
  const result: OperationParameter[] = [];
  for (const raw of list) {
    if (!isObject(raw)) continue;
    const name = ownField(raw, 'name');
    const location = ownField(raw, 'in');
    if (typeof name !== 'string' || typeof location !== 'string' || !LOCATIONS.includes(location)) continue;
    const parameter: OperationParameter = {
      name,
      in: location as ParameterLocation,
      required: ownField(raw, 'required') === true || location === 'path',
    };
    const style = ownField(raw, 'style');
    if (typeof style === 'string') parameter.style = style;
    const explode = ownField(raw, 'explode');
    if (typeof explode === 'boolean') parameter.explode = explode;
    if (ownField(raw, 'type') === 'array' && !Object.hasOwn(raw, 'schema')) Object.assign(parameter, collectionStyle(ownField(raw, 'collectionFormat')));
    if (ownField(raw, 'allowReserved') === true) parameter.allowReserved = true;
    // Swagger 2.0 keeps type/items/collectionFormat on the parameter itself.
    const schema = ownField(raw, 'schema') ?? (ownField(raw, 'type') !== undefined ? raw : undefined);
    if (schema !== undefined) parameter.schema = schema;
    const content = ownField(raw, 'content');
    if (isObject(content)) {
      const [mediaType] = Object.keys(content);
      if (mediaType) parameter.contentType = mediaType;
    }
    result.push(parameter);
  }
  return result;
}

/** Swagger 2.0 `collectionFormat` (default csv) as the OpenAPI 3 style/explode it means. */
function collectionStyle(format: unknown): Pick<OperationParameter, 'style' | 'explode'> {
  switch (format) {
    case 'multi':
      return { explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    default:
      return { explode: false };
  }
}

function readRequestBody(operation: JsonObject, root: JsonObject): ResolvedOperation['requestBody'] {
  const body = ownField(operation, 'requestBody');
  if (isObject(body)) {
    const content = ownField(body, 'content');
    return { required: ownField(body, 'required') === true, contentTypes: isObject(content) ? Object.keys(content) : [] };
  }
  // Swagger 2.0: an `in: body` or `in: formData` parameter.
  const parameters = ownField(operation, 'parameters');
  if (!Array.isArray(parameters)) return undefined;
  const bodyParameter = parameters.find((p) => isObject(p) && (p.in === 'body' || p.in === 'formData'));
  if (!isObject(bodyParameter)) return undefined;
  const consumes = ownField(operation, 'consumes') ?? ownField(root, 'consumes');
  const contentTypes = Array.isArray(consumes)
    ? consumes.filter((c): c is string => typeof c === 'string')
    : [bodyParameter.in === 'formData' ? 'application/x-www-form-urlencoded' : 'application/json'];
  return { required: parameters.some((p) => isObject(p) && p.in === 'body' && p.required === true), contentTypes };
}

function readServers(object: JsonObject): OperationServer[] {
  const servers = ownField(object, 'servers');
  if (Array.isArray(servers)) {
    return servers.filter(isObject).flatMap((server) => {
      const url = ownField(server, 'url');
      if (typeof url !== 'string') return [];
      const variables = readServerVariables(ownField(server, 'variables'));
      return [variables ? { url, variables } : { url }];
    });
  }
  // Swagger 2.0: schemes + host + basePath.
  const host = ownField(object, 'host');
  if (typeof host !== 'string') return [];
  const schemes = ownField(object, 'schemes');
  const scheme = Array.isArray(schemes) && typeof schemes[0] === 'string' ? schemes[0] : 'https';
  const basePath = ownField(object, 'basePath');
  return [{ url: `${scheme}://${host}${typeof basePath === 'string' ? basePath : ''}` }];
}

function readServerVariables(raw: unknown): OperationServer['variables'] {
  if (!isObject(raw)) return undefined;
  const variables: Record<string, { default: string; enum?: string[] }> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!isObject(value)) continue;
    const fallback = ownField(value, 'default');
    const values = ownField(value, 'enum');
    variables[name] = {
      default: fallback === undefined ? '' : String(fallback),
      ...(Array.isArray(values) ? { enum: values.map(String) } : {}),
    };
  }
  return variables;
}
