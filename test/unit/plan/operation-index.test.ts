/**
 * Issue 10 items 4-7 and issue 11 (one lazy $ref resolver): the operation index reads what finding
 * an operation needs and resolves an operation's parameters and body on first use; a broken $ref
 * only matters to the operation that needs it.
 */
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/engine/build-request.js';
import { indexOperations } from '../../../src/plan/operation-index.js';
import { RefResolver } from '../../../src/plan/resolve-openapi-ref.js';

const api = (paths: object, components: object = {}, extra: object = {}) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components, ...extra });

describe('issue 10 item 4: $refs are resolved lazily, for the operations used', () => {
  it('an operation whose parameters $ref a missing component indexes fine; the problem shows when that operation is asked for', () => {
    const index = indexOperations('api', api({
      '/a': { get: { operationId: 'getA', parameters: [{ $ref: '#/components/parameters/Missing' }] } },
      '/b': { get: { operationId: 'getB', parameters: [{ $ref: '#/components/parameters/Id' }] } },
    }, { parameters: { Id: { name: 'id', in: 'query', schema: { $ref: '#/components/schemas/Id' } } }, schemas: { Id: { type: 'integer' } } }));
    const b = index.byOperationId.get('getB')!;
    expect(index.problemsOf(b)).toEqual([]);
    expect(b.parameters).toEqual([{ name: 'id', in: 'query', required: false, schema: { type: 'integer' } }]);
    const a = index.byOperationId.get('getA')!;
    expect(index.problemsOf(a)).toEqual(['$ref "#/components/parameters/Missing": nothing at #/components/parameters/Missing']);
  });

  it('a broken $ref inside an x- extension (item 7) is never looked at', () => {
    const index = indexOperations('api', api({ '/a': { get: { operationId: 'getA', 'x-docs': { $ref: './missing.md' } } } }));
    expect(index.problemsOf(index.byOperationId.get('getA')!)).toEqual([]);
  });

  it('a path item behind a $ref is followed; a broken one is an index problem, its operations missing', () => {
    const index = indexOperations('api', api({ '/a': { $ref: '#/components/pathItems/A' }, '/b': { $ref: '#/components/pathItems/B' } }, { pathItems: { A: { get: { operationId: 'getA' } } } }));
    expect([...index.byOperationId.keys()]).toEqual(['getA']);
    expect(index.byPointer.has('/paths/~1a/get')).toBe(true);
    expect(index.problems).toEqual(['path /b: $ref "#/components/pathItems/B": nothing at #/components/pathItems/B']);
  });

  it('a circular schema stays closed by its $ref instead of looping', () => {
    const index = indexOperations('api', api({ '/a': { get: { operationId: 'getA', parameters: [{ name: 'n', in: 'query', schema: { $ref: '#/components/schemas/Node' } }] } } }, {
      schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } },
    }));
    const schema = index.byOperationId.get('getA')!.parameters[0]!.schema as { properties: { next: unknown } };
    expect(schema.properties.next).toEqual({ $ref: '#/components/schemas/Node' });
  });

  it('refs into another document resolve against that document (external refs, RFC 3986)', () => {
    const root = 'file:///api/openapi.yaml';
    const shared = 'file:///api/common/params.yaml';
    const document = api({ '/a': { get: { operationId: 'getA', parameters: [{ $ref: './common/params.yaml#/Id' }] } } });
    const set = { root, documents: new Map<string, unknown>([[root, document], [shared, { Id: { name: 'id', in: 'path', schema: { $ref: '#/Int' } }, Int: { type: 'integer' } }]]), failures: new Map() };
    const index = indexOperations('api', document, set);
    expect(index.byOperationId.get('getA')!.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]);
    const resolver = new RefResolver({ ...set, failures: new Map([['file:///api/missing.yaml', 'does not exist']]) });
    expect(resolver.follow({ $ref: './missing.yaml#/X' }, root)).toEqual({ ok: false, ref: './missing.yaml#/X', reason: 'does not exist' });
  });
});

describe('issue 10 item 6: OpenAPI 3.2 operations', () => {
  it('query, additionalOperations and in: querystring are indexed; a querystring value is the whole query', () => {
    const index = indexOperations('api', api({
      '/search': { query: { operationId: 'search', parameters: [{ name: 'q', in: 'querystring', content: { 'application/x-www-form-urlencoded': {} } }] } },
      '/items/{id}': { additionalOperations: { COPY: { operationId: 'copy' } } },
    }, {}, { openapi: '3.2.0' }));
    const search = index.byOperationId.get('search')!;
    expect(search.method).toBe('QUERY');
    expect(search.parameters).toEqual([{ name: 'q', in: 'querystring', required: false, contentType: 'application/x-www-form-urlencoded' }]);
    expect(index.byPointer.get('/paths/~1items~1{id}/additionalOperations/COPY')?.method).toBe('COPY');
    const built = buildRequest({ operation: search, baseUrl: 'http://h', parameters: [{ name: 'q', in: 'querystring', value: 'a=1&b=2' }] });
    expect(built.ok && built.request.url).toBe('http://h/search?a=1&b=2');
  });
});

describe('issue 10 item 5: a path key with a fragment', () => {
  it('splits into the path, fixed query pairs and required names', () => {
    const index = indexOperations('api', api({
      '/#Action=AttachInstances&Version=2011-01-01': { get: { operationId: 'attach' } },
      '/{Bucket}/{Key}#uploadId': { get: { operationId: 'parts', parameters: [{ name: 'uploadId', in: 'query' }] } },
    }));
    const attach = index.byOperationId.get('attach')!;
    expect(attach).toMatchObject({ path: '/', fixedQuery: [['Action', 'AttachInstances'], ['Version', '2011-01-01']] });
    expect(index.byPointer.get('/paths/~1#Action=AttachInstances&Version=2011-01-01/get')).toBe(attach);
    const parts = index.byOperationId.get('parts')!;
    expect(parts.path).toBe('/{Bucket}/{Key}');
    expect(parts.parameters[0]).toMatchObject({ name: 'uploadId', required: true });
  });
});
