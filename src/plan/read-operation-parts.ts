/** The parts of an OpenAPI operation a step needs: parameters, request body, servers, path key. */
import { isObject, ownField, type JsonObject } from '../document/model.js';
import { setOwn } from '../document/set-own.js';
import type { OperationParameter, OperationServer, ParameterLocation, RequestBodyInfo } from './operation.js';
import { dialectOf } from './read-responses.js';
import type { RefResolver } from './resolve-openapi-ref.js';

const LOCATIONS: readonly string[] = ['path', 'query', 'querystring', 'header', 'cookie'];

/**
 * `/{Bucket}/{Key}#uploadId` or `/#Action=AttachInstances` (the AWS descriptions of APIs.guru): the
 * fragment is not sent as part of the path; `name=value` pairs are fixed query parameters and bare
 * names are query parameters the request must carry (empty when the step gives no value).
 */
export function splitPathKey(key: string): { path: string; query: Array<{ name: string; value?: string }> } {
  const hash = key.indexOf('#');
  if (hash < 0) return { path: key, query: [] };
  const query = key
    .slice(hash + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? { name: pair } : { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
    });
  return { path: key.slice(0, hash) || '/', query };
}

export function readParameters(list: unknown, resolver: RefResolver, base: string, problems: string[]): OperationParameter[] {
  const followed = resolver.follow(list, base);
  if (!followed.ok) problems.push(`$ref "${followed.ref}": ${followed.reason}`);
  if (!followed.ok || !Array.isArray(followed.value)) return [];
  const result: OperationParameter[] = [];
  for (const item of followed.value) {
    const target = resolver.follow(item, followed.base);
    if (!target.ok) {
      problems.push(`$ref "${target.ref}": ${target.reason}`);
      continue;
    }
    const parameter = readParameter(target.value, (schema) => resolver.dereference(schema, target.base, problems));
    if (parameter) result.push(parameter);
  }
  return result;
}

function readParameter(raw: unknown, dereference: (schema: unknown) => unknown): OperationParameter | undefined {
  if (!isObject(raw)) return undefined;
  const name = ownField(raw, 'name');
  const location = ownField(raw, 'in');
  if (typeof name !== 'string' || typeof location !== 'string' || !LOCATIONS.includes(location)) return undefined;
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
  if (schema !== undefined) parameter.schema = dereference(schema);
  const content = ownField(raw, 'content');
  if (isObject(content)) {
    const [mediaType] = Object.keys(content);
    if (mediaType) parameter.contentType = mediaType;
  }
  return parameter;
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

export function readRequestBody(operation: JsonObject, root: JsonObject, resolver: RefResolver, base: string, problems: string[]): RequestBodyInfo | undefined {
  const dialect = dialectOf(root);
  const body = resolver.follow(ownField(operation, 'requestBody'), base);
  if (!body.ok) {
    problems.push(`$ref "${body.ref}": ${body.reason}`);
    return undefined;
  }
  if (isObject(body.value)) {
    const content = ownField(body.value, 'content');
    const schemas: Record<string, unknown> = {};
    // Schemas serve the request checks only: a ref they cannot resolve stays as written.
    if (isObject(content)) for (const [type, media] of Object.entries(content)) setOwn(schemas, type, isObject(media) ? resolver.dereference(ownField(media, 'schema'), body.base, []) : undefined);
    return { required: ownField(body.value, 'required') === true, contentTypes: isObject(content) ? Object.keys(content) : [], dialect, schemas };
  }
  // Swagger 2.0: an `in: body` or `in: formData` parameter.
  const list = resolver.follow(ownField(operation, 'parameters'), base);
  if (!list.ok || !Array.isArray(list.value)) return undefined;
  const followed = list.value.map((p) => resolver.follow(p, list.base));
  const parameters = followed.map((f) => (f.ok ? f.value : undefined));
  const chosen = followed.find((f) => f.ok && isObject(f.value) && (f.value.in === 'body' || f.value.in === 'formData'));
  if (!chosen?.ok || !isObject(chosen.value)) return undefined;
  const bodyParameter = chosen.value;
  const consumes = ownField(operation, 'consumes') ?? ownField(root, 'consumes');
  const contentTypes = Array.isArray(consumes)
    ? consumes.filter((c): c is string => typeof c === 'string')
    : [bodyParameter.in === 'formData' ? 'application/x-www-form-urlencoded' : 'application/json'];
  const schema = bodyParameter.in === 'body' ? resolver.dereference(ownField(bodyParameter, 'schema'), chosen.base, []) : undefined;
  const schemas: Record<string, unknown> = {};
  for (const type of contentTypes) setOwn(schemas, type, schema);
  return { required: parameters.some((p) => isObject(p) && p.in === 'body' && p.required === true), contentTypes, dialect, schemas };
}

export function readServers(object: JsonObject): OperationServer[] {
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
