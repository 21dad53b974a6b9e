/**
 * Issue 7 (lint start-up): the local-ref fast path must give exactly what swagger-parser's
 * dereference() gives, and must decline (→ swagger-parser) whenever it cannot promise that.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../../src/document/parse-yaml.js';
import { dereferenceLocalRefs } from '../../../src/load/dereference-local-refs.js';
import { loadOpenApi } from '../../../src/load/load-openapi.js';

const ROOT = path.resolve(__dirname, '../../..');
const BASE = pathToFileURL(path.join(ROOT, 'openapi/virtual.yml')).href;

async function swaggerParserResult(document: unknown): Promise<unknown> {
  const copy = structuredClone(document) as Parameters<typeof SwaggerParser.dereference>[1];
  return SwaggerParser.dereference(BASE, copy, { dereference: { circular: 'ignore' } } as Parameters<typeof SwaggerParser.dereference>[2]);
}

const readYaml = (file: string): unknown => parseYamlText(readFileSync(path.join(ROOT, file), 'utf8'), file).value;

const api = (extra: Record<string, unknown>): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {},
  ...extra,
});

describe('issue 7 — local $ref fast path equals swagger-parser', () => {
  const files = ['openapi/daytona-snapshots-api-openapi.yml', 'openapi/daytona-sandbox-api-openapi.yml', 'openapi/oci-compute-api-openapi.yml', 'bench/fixtures/poll-api.yml'];
  it.each(files)('%s is dereferenced by the fast path, as swagger-parser does', async (file) => {
    const document = readYaml(file);
    const fast = dereferenceLocalRefs(document);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await swaggerParserResult(document));
  });

  it('resolves chains, escaped tokens, array indexes, repeated and example refs', async () => {
    const document = api({
      paths: {
        '/pets/{id}': {
          get: {
            operationId: 'getPet',
            parameters: [{ $ref: '#/components/parameters/Id' }, { $ref: '#/paths/~1pets~1%7Bid%7D/get/x-extra/0' }],
            responses: { '200': { $ref: '#/components/responses/Pet' }, '404': { $ref: '#/components/responses/Pet' } },
            'x-extra': [{ name: 'trace', in: 'header', schema: { $ref: '#/components/schemas/Alias' } }],
          },
        },
      },
      components: {
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Alias' } } },
        responses: { Pet: { description: 'a pet', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' }, example: { $ref: '#/components/examples/pet/value' } } } } },
        schemas: { Alias: { $ref: '#/components/schemas/Id~0' }, 'Id~': { type: 'string' }, Pet: { type: 'object', properties: { $ref: { type: 'string' }, id: { $ref: '#/components/schemas/Alias' } } } },
        examples: { pet: { value: { id: 'p1' } } },
      },
    });
    const fast = dereferenceLocalRefs(document);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await swaggerParserResult(document));
  });

  it('merges an extended ref whose own keys are disjoint from its target', async () => {
    const document = api({ components: { schemas: { A: { type: 'string' }, B: { $ref: '#/components/schemas/A', description: 'an A' }, C: { $ref: '#/components/schemas/A' } } } });
    const fast = dereferenceLocalRefs(document);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await swaggerParserResult(document));
  });

  it('never shares objects with, nor changes, the document it was given', () => {
    const document = api({ components: { schemas: { A: { type: 'object', properties: { x: { type: 'string' } } }, B: { $ref: '#/components/schemas/A' } } } });
    const before = structuredClone(document);
    const fast = dereferenceLocalRefs(document) as { components: { schemas: Record<string, unknown> } };
    expect(document).toEqual(before);
    expect(fast.components.schemas.A).not.toBe((document.components as { schemas: Record<string, unknown> }).schemas.A);
  });

  it('keeps "__proto__" as an own key', () => {
    const document = JSON.parse('{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x":{"__proto__":{"polluted":true}}}') as unknown;
    const fast = dereferenceLocalRefs(document) as { x: object };
    expect(Object.hasOwn(fast.x, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('issue 7 — the fast path declines what swagger-parser must handle', () => {
  const cases: Array<[string, unknown]> = [
    ['an external ref', api({ components: { schemas: { A: { $ref: 'other.yml#/A' } } } })],
    ['an anchor ref', api({ components: { schemas: { A: { $ref: '#anchor' } } } })],
    ['a circular ref', api({ components: { schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } } } })],
    ['a pointer that misses', api({ components: { schemas: { A: { $ref: '#/components/schemas/Missing' } } } })],
    ['a pointer through a $ref', api({ components: { schemas: { A: { $ref: '#/components/schemas/B/type' }, B: { $ref: '#/components/schemas/C' }, C: { type: 'string' } } } })],
    ['a pointer to null', api({ components: { schemas: { A: { $ref: '#/x-null' } } }, 'x-null': null })],
    ['an extended ref overriding its target', api({ components: { schemas: { A: { type: 'string' }, B: { $ref: '#/components/schemas/A', type: 'integer' } } } })],
    ['an extended ref with a ref inside', api({ components: { schemas: { A: { type: 'string' }, B: { $ref: '#/components/schemas/A', items: { $ref: '#/components/schemas/A' } } } } })],
    ['a version swagger-parser refuses', { ...api({}), openapi: '3.1.9' }],
    ['Swagger 2.0', { swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }],
    ['no paths', { openapi: '3.1.0', info: { title: 't', version: '1' }, webhooks: {} }],
    ['a numeric info.version', { ...api({}), info: { title: 't', version: 1 } }],
    ['a bad percent escape', api({ components: { schemas: { A: { $ref: '#/components/%E0%A4%A' } } } })],
  ];
  it.each(cases)('declines %s', (_name, document) => {
    expect(dereferenceLocalRefs(document)).toBeUndefined();
  });

  it('declines a document that contains itself through a YAML alias', () => {
    const document = api({});
    (document.paths as Record<string, unknown>)['x-self'] = document.paths;
    expect(dereferenceLocalRefs(document)).toBeUndefined();
  });
});

describe('issue 7 — loadOpenApi falls back to swagger-parser when the fast path declines', () => {
  const where = { file: 'flow.yml', pointer: '/sourceDescriptions/0/url' };

  it('indexes a document with a circular schema (declined, then swagger-parser)', async () => {
    const document = api({
      paths: { '/n': { get: { operationId: 'getNode', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } } },
      components: { schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } } },
    });
    const result = await loadOpenApi('api', path.join(ROOT, 'openapi/virtual.yml'), document, where);
    expect(result.ok && [...result.index.byOperationId.keys()]).toEqual(['getNode']);
  });

  it('reports a missing pointer as source-unresolvable, as before', async () => {
    const document = api({ paths: { '/a': { get: { operationId: 'a', parameters: [{ $ref: '#/components/parameters/Nope' }], responses: {} } } } });
    const result = await loadOpenApi('api', path.join(ROOT, 'openapi/virtual.yml'), document, where);
    expect(result.ok ? 'ok' : result.diagnostic.code).toBe('source-unresolvable');
  });

  it('reports a version swagger-parser refuses as source-unresolvable, as before', async () => {
    const result = await loadOpenApi('api', path.join(ROOT, 'openapi/virtual.yml'), { ...api({}), openapi: '3.1.9' }, where);
    expect(result.ok ? 'ok' : result.diagnostic.code).toBe('source-unresolvable');
  });
});

describe('issue 7 — property: random acyclic local refs dereference as swagger-parser does', () => {
  // Schemas S0..Sn where Si may refer only to Sj with j < i (so no cycles), from several places.
  type Schema = Record<string, unknown>;
  const earlierOrPlain = (index: number, plain: Schema): fc.Arbitrary<Schema> =>
    index === 0 ? fc.constant(plain) : fc.nat(index - 1).map((j): Schema => ({ $ref: `#/components/schemas/S${j}` }));
  const schemaOf = (index: number): fc.Arbitrary<Schema> =>
    fc.oneof(
      fc.constant<Schema>({ type: 'string' }),
      fc.record({ type: fc.constant('array'), items: earlierOrPlain(index, { type: 'integer' }) }),
      fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.constantFrom('a', 'b', 'c~', 'd/e'), earlierOrPlain(index, { type: 'boolean' })) }),
    );
  const documentArb = fc.integer({ min: 1, max: 6 }).chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => schemaOf(i)), fc.array(fc.nat(count - 1), { maxLength: 4 })).map((parts) => {
      const refs = parts.pop() as number[];
      const schemas = Object.fromEntries(parts.map((schema, i) => [`S${i}`, schema]));
      const parameters = refs.map((j, n) => ({ name: `p${n}`, in: 'query', schema: { $ref: `#/components/schemas/S${j}` } }));
      return api({ paths: { '/x': { get: { operationId: 'x', parameters, responses: {} } } }, components: { schemas } });
    }),
  );

  it('agrees with swagger-parser on every generated document', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (document) => {
        const fast = dereferenceLocalRefs(document);
        expect(fast).toBeDefined();
        expect(fast).toEqual(await swaggerParserResult(document));
      }),
      { numRuns: 60 },
    );
  });
});
