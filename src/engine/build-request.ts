/**
 * Step parameters + request body → the HTTP request to send and the `$request` view expressions
 * see (checklist §7, §8). Pure: values in, values out; every failure is a Problem.
 *
 * - Parameters are matched to the operation's declared ones by (name, in), header names
 *   case-insensitively, and serialised with the declared style; undeclared ones (e.g. an
 *   `Authorization` header, which OpenAPI models as a security scheme) use the location default.
 * - A parameter with an undefined value is omitted. For the same (name, in) the later one wins.
 * - The body's media type is the step's `contentType`, else a Content-Type header parameter, else
 *   the operation's declared one (the JSON one when several; several non-JSON → a problem).
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import { RenderedTemplate } from '../expressions/render-payload.js';
import type { RequestView } from '../expressions/scope.js';
import type { OperationParameter, ParameterLocation, ResolvedOperation } from '../plan/operation.js';
import { applyContentType, checkHeader, HeaderList, mergeCookies } from './build-request-headers.js';
import { encodeBody, type EncodeBodyOptions } from './encode-body.js';
import { isJsonMediaType } from './encode-json-text.js';
import {
  serializeCookieParameter,
  serializeHeaderParameter,
  serializePathParameter,
  serializeQueryParameter,
  type ParameterStyle,
} from './serialize-parameters.js';
import type { HttpRequest } from './ports.js';

export interface RequestParameter {
  name: string;
  in: ParameterLocation;
  /** Evaluated value; undefined = omit. */
  value: unknown;
}

export interface RequestInput {
  operation: ResolvedOperation;
  /** From resolveServerUrl. */
  baseUrl: string;
  parameters: readonly RequestParameter[];
  /** Evaluated payload after replacements; a string template stays a RenderedTemplate (renderPayload). */
  body?: { contentType?: string; value: unknown };
}

export type BuildRequestResult =
  | { ok: true; request: HttpRequest; view: RequestView }
  | { ok: false; problem: Problem };

const sameParameter = (a: { name: string; in: string }, b: { name: string; in: string }): boolean =>
  a.in === b.in && (a.in === 'header' ? a.name.toLowerCase() === b.name.toLowerCase() : a.name === b.name);

/** Last value per (name, in), in first-seen order; undefined values dropped. */
function effectiveParameters(parameters: readonly RequestParameter[]): RequestParameter[] {
  const kept: RequestParameter[] = [];
  for (const parameter of parameters) {
    const index = kept.findIndex((p) => sameParameter(p, parameter));
    if (index >= 0) kept.splice(index, 1, parameter);
    else kept.push(parameter);
  }
  return kept.filter((p) => p.value !== undefined);
}

function styleOf(operation: ResolvedOperation, parameter: RequestParameter): ParameterStyle {
  const declared: OperationParameter | undefined = operation.parameters.find((p) => sameParameter(p, parameter));
  return declared === undefined ? { name: parameter.name, in: parameter.in } : { ...declared, name: parameter.name };
}

function fillPath(operation: ResolvedOperation, parameters: readonly RequestParameter[]): { ok: true; path: string } | { ok: false; problem: Problem } {
  const missing: string[] = [];
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const given = parameters.find((p) => p.in === 'path' && p.name === name);
    if (given === undefined) {
      missing.push(name);
      return '';
    }
    return serializePathParameter(styleOf(operation, given), given.value);
  });
  if (missing.length === 0) return { ok: true, path: path.startsWith('/') ? path : `/${path}` };
  const names = missing.map((n) => `"${n}"`).join(', ');
  return {
    ok: false,
    problem: {
      code: 'path-parameter-missing',
      message: `path ${operation.path} needs ${names} but the step gives no value`,
      hint: `add a parameter with in: path for ${names}, or check that its expression resolves`,
    },
  };
}

/** Query pairs a path key's fragment demands (`/#Action=X`, `/{Bucket}#uploads`), unless the step gives them. */
function fragmentQuery(operation: ResolvedOperation, parameters: readonly RequestParameter[]): string[] {
  const given = (name: string): boolean => parameters.some((p) => p.in === 'query' && p.name === name);
  const fixed = (operation.fixedQuery ?? []).filter(([name]) => !given(name)).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  const flags = (operation.flagQuery ?? []).filter((name) => !given(name)).map((name) => `${encodeURIComponent(name)}=`);
  return [...fixed, ...flags];
}

function buildUrl(baseUrl: string, path: string, query: readonly string[]): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  if (query.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query.join('&')}`;
}

function pickContentType(operation: ResolvedOperation): { ok: true; type?: string } | { ok: false; problem: Problem } {
  // Wildcards (*/*, application/*) say what the server accepts, not what to send.
  const declared = (operation.requestBody?.contentTypes ?? []).filter((t) => !t.includes('*'));
  if (declared.length <= 1) return declared[0] === undefined ? { ok: true } : { ok: true, type: declared[0] };
  const json = declared.find((t) => isJsonMediaType(t));
  if (json !== undefined) return { ok: true, type: json };
  return {
    ok: false,
    problem: {
      code: 'request-body-content-type-ambiguous',
      message: `the operation accepts ${declared.join(', ')} and the step names no contentType`,
      hint: 'set requestBody.contentType to one of them',
    },
  };
}

function collectHeaders(operation: ResolvedOperation, parameters: readonly RequestParameter[]): { ok: true; headers: HeaderList } | { ok: false; problem: Problem } {
  const headers = new HeaderList();
  for (const parameter of parameters.filter((p) => p.in === 'header')) {
    const value = serializeHeaderParameter(styleOf(operation, parameter), parameter.value);
    const problem = checkHeader(parameter.name, value);
    if (problem !== undefined) return { ok: false, problem };
    headers.set(parameter.name, value);
  }
  const cookies = parameters.filter((p) => p.in === 'cookie').flatMap((p) => serializeCookieParameter(styleOf(operation, p), p.value));
  mergeCookies(headers, cookies);
  const cookieProblem = checkHeader('Cookie', headers.get('cookie') ?? '');
  return cookieProblem === undefined ? { ok: true, headers } : { ok: false, problem: cookieProblem };
}

function valuesIn(parameters: readonly RequestParameter[], location: ParameterLocation): Record<string, unknown> {
  return Object.fromEntries(parameters.filter((p) => p.in === location).map((p) => [p.name, p.value]));
}

/**
 * `$request.body` is the value sent. A JSON template string was sent as the JSON it contains, so
 * the view holds the parsed value and `$request.body#/petId` works for templates too.
 */
function sentValue(value: unknown, contentType: string | undefined): unknown {
  if (typeof value !== 'string' || !isJsonMediaType(contentType)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function buildRequest(input: RequestInput, options: EncodeBodyOptions = {}): BuildRequestResult {
  const { operation } = input;
  const parameters = effectiveParameters(input.parameters);
  const path = fillPath(operation, parameters);
  if (!path.ok) return path;
  const query = [...fragmentQuery(operation, parameters), ...parameters.filter((p) => p.in === 'query').flatMap((p) => serializeQueryParameter(styleOf(operation, p), p.value))];
  // OpenAPI 3.2 `in: querystring`: the value is the whole query string, already in its media type's form.
  for (const whole of parameters.filter((p) => p.in === 'querystring')) query.push(String(whole.value).replace(/^\?/, ''));
  const collected = collectHeaders(operation, parameters);
  if (!collected.ok) return collected;
  const { headers } = collected;
  const needsType = input.body?.value !== undefined && input.body.contentType === undefined && headers.get('content-type') === undefined;
  const picked = needsType ? pickContentType(operation) : { ok: true as const };
  if (!picked.ok) return picked;
  const contentType = input.body?.contentType ?? headers.get('content-type') ?? picked.type;
  const encoded = encodeBody(input.body?.value, contentType, options);
  if (!encoded.ok) return encoded;
  applyContentType(headers, encoded.contentType);
  const url = buildUrl(input.baseUrl, path.path, query);
  const request: HttpRequest = { method: operation.method.toUpperCase(), url, headers: headers.entries() };
  if (encoded.body !== undefined) request.body = encoded.body;
  const view: RequestView = { url, method: request.method, headers: headers.toRecord(), query: valuesIn(parameters, 'query'), path: valuesIn(parameters, 'path') };
  // A string template is seen as the text it was rendered to for this media type.
  if (input.body?.value !== undefined) view.body = sentValue(input.body.value instanceof RenderedTemplate ? encoded.body : input.body.value, encoded.contentType);
  return { ok: true, request, view };
}
