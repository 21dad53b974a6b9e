import { describe, expect, it } from 'vitest';
import { buildRequest, type BuildRequestResult, type RequestInput } from '../../../src/engine/build-request.js';
import type { HttpRequest } from '../../../src/engine/ports.js';
import type { RequestView } from '../../../src/expressions/scope.js';
import type { ResolvedOperation } from '../../../src/plan/operation.js';

const getSnapshot: ResolvedOperation = {
  sourceName: 'snapshotsApi',
  operationId: 'getSnapshot',
  method: 'GET',
  path: '/snapshots/{id}',
  servers: [{ url: 'https://app.daytona.io/api' }],
  parameters: [
    { name: 'id', in: 'path', required: true },
    { name: 'X-Daytona-Organization-ID', in: 'header', required: false },
    { name: 'fields', in: 'query', required: false, style: 'form', explode: false },
  ],
  pointer: '/paths/~1snapshots~1{id}/get',
};

const createSnapshot: ResolvedOperation = {
  sourceName: 'snapshotsApi',
  operationId: 'createSnapshot',
  method: 'post',
  path: '/snapshots',
  servers: [],
  parameters: [],
  requestBody: { required: true, contentTypes: ['application/json'] },
  pointer: '/paths/~1snapshots/post',
};

const BASE = 'http://127.0.0.1:4010/api';

function built(input: Partial<RequestInput> & Pick<RequestInput, 'operation'>): { request: HttpRequest; view: RequestView } {
  const result = buildRequest({ baseUrl: BASE, parameters: [], ...input });
  if (!result.ok) throw new Error(`expected a request, got ${result.problem.code}`);
  return result;
}
const code = (result: BuildRequestResult): string | undefined => (result.ok ? undefined : result.problem.code);
const header = (request: HttpRequest, name: string): string[] =>
  request.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

describe('Parameter Object in: path (Path Templating)', () => {
  it('fills the template and encodes "/" in the value', () => {
    const { request, view } = built({ operation: getSnapshot, parameters: [{ name: 'id', in: 'path', value: 'team/snap 1' }] });
    expect(request.url).toBe('http://127.0.0.1:4010/api/snapshots/team%2Fsnap%201');
    expect(view.path).toEqual({ id: 'team/snap 1' });
  });

  it('a path parameter with no value is path-parameter-missing', () => {
    expect(code(buildRequest({ operation: getSnapshot, baseUrl: BASE, parameters: [] }))).toBe('path-parameter-missing');
    expect(code(buildRequest({ operation: getSnapshot, baseUrl: BASE, parameters: [{ name: 'id', in: 'path', value: undefined }] }))).toBe('path-parameter-missing');
  });

  it('path names are case-sensitive', () => {
    expect(code(buildRequest({ operation: getSnapshot, baseUrl: BASE, parameters: [{ name: 'ID', in: 'path', value: 'x' }] }))).toBe('path-parameter-missing');
  });

  it('uses the declared style (label) when the operation declares one', () => {
    const labelled: ResolvedOperation = { ...getSnapshot, parameters: [{ name: 'id', in: 'path', required: true, style: 'label', explode: true }] };
    expect(built({ operation: labelled, parameters: [{ name: 'id', in: 'path', value: ['a', 'b'] }] }).request.url).toBe(`${BASE}/snapshots/.a.b`);
  });

  it('a base URL with a trailing slash does not double the slash', () => {
    const { request } = built({ operation: getSnapshot, baseUrl: `${BASE}/`, parameters: [{ name: 'id', in: 'path', value: 'x' }] });
    expect(request.url).toBe(`${BASE}/snapshots/x`);
  });
});

describe('Parameter Object in: query', () => {
  it('appends the query string with the declared style; the view keeps the value as given', () => {
    const { request, view } = built({
      operation: getSnapshot,
      parameters: [{ name: 'id', in: 'path', value: 'x' }, { name: 'fields', in: 'query', value: ['a', 'b'] }, { name: 'q', in: 'query', value: 'a b&c' }],
    });
    expect(request.url).toBe(`${BASE}/snapshots/x?fields=a,b&q=a%20b%26c`);
    expect(view.query).toEqual({ fields: ['a', 'b'], q: 'a b&c' });
  });

  it('undeclared array parameters use form/explode (checklist §7.6)', () => {
    expect(built({ operation: createSnapshot, parameters: [{ name: 'ids', in: 'query', value: [1, 2] }] }).request.url).toBe(`${BASE}/snapshots?ids=1&ids=2`);
  });

  it('undefined values are omitted; null is sent empty', () => {
    const { request, view } = built({ operation: createSnapshot, parameters: [{ name: 'a', in: 'query', value: undefined }, { name: 'b', in: 'query', value: null }] });
    expect(request.url).toBe(`${BASE}/snapshots?b=`);
    expect(view.query).toEqual({ b: null });
  });

  it('page/query and page/header are two parameters (identity is name + in)', () => {
    const { request } = built({ operation: createSnapshot, parameters: [{ name: 'page', in: 'query', value: 1 }, { name: 'page', in: 'header', value: '2' }] });
    expect(request.url).toBe(`${BASE}/snapshots?page=1`);
    expect(header(request, 'page')).toEqual(['2']);
  });

  it('a later query parameter with the same name replaces the earlier one', () => {
    expect(built({ operation: createSnapshot, parameters: [{ name: 'a', in: 'query', value: 1 }, { name: 'a', in: 'query', value: 2 }] }).request.url).toBe(`${BASE}/snapshots?a=2`);
  });
});

describe('Parameter Object in: header (RFC 9110 names are case-insensitive)', () => {
  it('sends undeclared headers such as Authorization', () => {
    const { request, view } = built({ operation: getSnapshot, parameters: [{ name: 'Authorization', in: 'header', value: 'Bearer dtn_x' }, { name: 'id', in: 'path', value: 'x' }] });
    expect(request.headers).toEqual([['Authorization', 'Bearer dtn_x']]);
    expect(view.headers).toEqual({ authorization: 'Bearer dtn_x' });
  });

  it('a later header with the same name in another case replaces the earlier one (checklist §7.7)', () => {
    const { request } = built({
      operation: createSnapshot,
      parameters: [{ name: 'Authorization', in: 'header', value: 'Bearer workflow' }, { name: 'X-A', in: 'header', value: '1' }, { name: 'authorization', in: 'header', value: 'Bearer step' }],
    });
    expect(request.headers).toEqual([['authorization', 'Bearer step'], ['X-A', '1']]);
  });

  it('matches declared header parameters case-insensitively to apply their style', () => {
    const op: ResolvedOperation = { ...createSnapshot, parameters: [{ name: 'X-Color', in: 'header', required: false, explode: true }] };
    expect(header(built({ operation: op, parameters: [{ name: 'x-color', in: 'header', value: { R: 1, G: 2 } }] }).request, 'x-color')).toEqual(['R=1,G=2']);
  });

  it('a header value with a line break is header-value-invalid', () => {
    expect(code(buildRequest({ operation: createSnapshot, baseUrl: BASE, parameters: [{ name: 'X-A', in: 'header', value: 'a\r\nX-Evil: 1' }] }))).toBe('header-value-invalid');
  });

  it('a header name that is not a token is header-name-invalid', () => {
    expect(code(buildRequest({ operation: createSnapshot, baseUrl: BASE, parameters: [{ name: 'X A', in: 'header', value: '1' }] }))).toBe('header-name-invalid');
  });
});

describe('Parameter Object in: cookie', () => {
  it('joins all cookie parameters into ONE Cookie header', () => {
    const { request, view } = built({ operation: createSnapshot, parameters: [{ name: 'a', in: 'cookie', value: '1' }, { name: 'b', in: 'cookie', value: ['x', 'y'] }] });
    expect(header(request, 'cookie')).toEqual(['a=1; b=x; b=y']);
    expect(view.headers.cookie).toBe('a=1; b=x; b=y');
  });

  it('appends cookie parameters to a Cookie header parameter', () => {
    const { request } = built({ operation: createSnapshot, parameters: [{ name: 'cookie', in: 'header', value: 'z=0' }, { name: 'a', in: 'cookie', value: '1' }] });
    expect(request.headers).toEqual([['cookie', 'z=0; a=1']]);
  });

  it('no cookie parameters, no Cookie header', () => {
    expect(header(built({ operation: createSnapshot }).request, 'cookie')).toEqual([]);
  });
});

describe('Request Body Object: Content-Type and $request.body', () => {
  it('uses the step contentType and sets Content-Type from the encoding', () => {
    const { request, view } = built({ operation: createSnapshot, body: { contentType: 'application/json', value: { name: 'snap', cpu: 2 } } });
    expect(request.method).toBe('POST');
    expect(request.body).toBe('{"name":"snap","cpu":2}');
    expect(header(request, 'content-type')).toEqual(['application/json']);
    expect(view.body).toEqual({ name: 'snap', cpu: 2 });
  });

  it('an omitted contentType takes the operation\'s (checklist §8.1)', () => {
    expect(header(built({ operation: createSnapshot, body: { value: { a: 1 } } }).request, 'content-type')).toEqual(['application/json']);
  });

  it('several declared types pick the JSON one; several non-JSON types need a contentType', () => {
    const many = (types: string[]): ResolvedOperation => ({ ...createSnapshot, requestBody: { required: true, contentTypes: types } });
    expect(header(built({ operation: many(['application/xml', 'application/json']), body: { value: { a: 1 } } }).request, 'content-type')).toEqual(['application/json']);
    expect(code(buildRequest({ operation: many(['application/xml', 'text/plain']), baseUrl: BASE, parameters: [], body: { value: 'x' } }))).toBe('request-body-content-type-ambiguous');
  });

  it('a Content-Type header parameter wins over the body media type and drives the encoding', () => {
    const { request } = built({ operation: createSnapshot, parameters: [{ name: 'content-type', in: 'header', value: 'application/x-www-form-urlencoded' }], body: { value: { a: 1 } } });
    expect(request.headers).toEqual([['content-type', 'application/x-www-form-urlencoded']]);
    expect(request.body).toBe('a=1');
  });

  it('a multipart Content-Type header without boundary gets the generated one', () => {
    const { request } = built({ operation: createSnapshot, parameters: [{ name: 'Content-Type', in: 'header', value: 'multipart/form-data' }], body: { contentType: 'multipart/form-data', value: { a: '1' } } });
    const [type] = header(request, 'content-type');
    const boundary = /boundary=(.+)$/.exec(type ?? '')?.[1] ?? 'none';
    expect(String(request.body)).toContain(`--${boundary}--`);
  });

  it('a JSON template string is sent as-is and $request.body holds the parsed value', () => {
    const { request, view } = built({ operation: createSnapshot, body: { contentType: 'application/json', value: '{"petId": "7"}' } });
    expect(request.body).toBe('{"petId": "7"}');
    expect(view.body).toEqual({ petId: '7' });
  });

  it('an encoding problem is returned as is', () => {
    expect(code(buildRequest({ operation: createSnapshot, baseUrl: BASE, parameters: [], body: { contentType: 'application/xml', value: { a: 1 } } }))).toBe('request-body-not-encodable');
  });

  it('no body: no Content-Type, no body, no $request.body, even when the types are ambiguous', () => {
    const op: ResolvedOperation = { ...createSnapshot, requestBody: { required: false, contentTypes: ['application/xml', 'text/plain'] } };
    const { request, view } = built({ operation: op });
    expect(request.body).toBeUndefined();
    expect(request.headers).toEqual([]);
    expect('body' in view).toBe(false);
  });
});

describe('$url and $method view', () => {
  it('holds the final URL and upper-case method', () => {
    const { request, view } = built({ operation: getSnapshot, parameters: [{ name: 'id', in: 'path', value: 'x' }, { name: 'fields', in: 'query', value: 'a' }] });
    expect(view.url).toBe(request.url);
    expect(view.url).toBe(`${BASE}/snapshots/x?fields=a`);
    expect(view.method).toBe('GET');
  });
});
