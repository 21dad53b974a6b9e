/**
 * Arazzo 1.1.0 §Arazzo Object `$self`, §Relative References in URIs ("If the $self field is
 * present and is a relative URI-reference, it MUST first be resolved against the next possible
 * base URI source … before being used as the base URI for resolving other relative references"),
 * §Referencing Arazzo Descriptions ("references MUST use the target document's $self URI … resolve
 * it to an Arazzo Description by identity"), and the `$self` runtime expression.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { startLoopbackServer, type LoopbackReply } from '../../support/loopback-server.js';
import { FIXTURES, loadDocument, loadFile, runLoaded, writeWorkspace } from '../support/run-document.js';

const API = readFileSync(path.join(FIXTURES, 'api.openapi.yaml'), 'utf8');

describe('Arazzo 1.1.0 $self', () => {
  it('a relative $self, resolved against the retrieval location, is the base of relative source URLs; $self evaluates to it', async () => {
    const loaded = await loadDocument(`arazzo: 1.1.0
$self: published/flows/flow.arazzo.yaml
info: { title: self, version: '1' }
sourceDescriptions:
  - { name: api, url: ../specs/api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: findPets
        parameters: [ { name: X-Document, in: header, value: $self } ]
    outputs: { document: $self }
`, { 'published/specs/api.openapi.yaml': API });
    // By location, ../specs/ from the document's own folder names nothing: the source is found only through $self.
    expect(loaded.errors).toEqual([]);
    const self = path.join(loaded.dir, 'published/flows/flow.arazzo.yaml');
    expect(loaded.workspace.documents.get(loaded.plan.rootKey)?.sources[0]?.location).toBe(path.join(loaded.dir, 'published/specs/api.openapi.yaml'));
    const api = await startApi({ 'GET /pets': json([]) });
    const { result } = await runLoaded(loaded, { api });
    expect(result.outputs).toEqual({ document: self });
    expect(api.requests[0]?.headers['x-document']).toBe(self);
  });

  it('a source URL that is another document\'s $self is that document, by identity: nothing is fetched from it', async () => {
    const a = (self: string): string => `arazzo: 1.1.0
${self}info: { title: a, version: '1' }
sourceDescriptions:
  - { name: b, url: b.arazzo.yaml, type: arazzo }
workflows:
  - workflowId: fromA
    steps:
      - { stepId: callB, workflowId: $sourceDescriptions.b.fromB }
`;
    const b = `arazzo: 1.1.0
info: { title: b, version: '1' }
sourceDescriptions:
  - { name: a, url: https://flows.example.test/catalog/a.arazzo.yaml, type: arazzo }
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: fromB
    steps:
      - { stepId: list, operationId: findPets }
`;
    const dir = writeWorkspace({ 'a.arazzo.yaml': a('$self: https://flows.example.test/catalog/a.arazzo.yaml\n'), 'b.arazzo.yaml': b });
    // a's relative url resolves against its (remote) $self; --source gives b's local copy. Offline:
    // any fetch would be an error.
    const options = { offline: true, sources: { b: path.join(dir, 'b.arazzo.yaml') } };
    const loaded = await loadFile(path.join(dir, 'a.arazzo.yaml'), options);
    expect(loaded.errors).toEqual([]);
    const fromB = loaded.workspace.documents.get(path.join(dir, 'b.arazzo.yaml'))!.sources.find((s) => s.name === 'a');
    expect(fromB?.documentKey).toBe(loaded.plan.rootKey);
    // Without the $self, the same URL is only a location, and offline it cannot be read.
    const plain = writeWorkspace({ 'a.arazzo.yaml': a(''), 'b.arazzo.yaml': b });
    const unresolved = await loadFile(path.join(plain, 'a.arazzo.yaml'), { offline: true });
    expect(unresolved.errors.map((d) => d.code)).toContain('source-unreachable');
  });

  it('a document fetched over HTTP without $self: its Content-Location, else the URL after redirects, is the base of its relative source URLs (RFC 3986 §5.1.2–3)', async () => {
    const flow = `arazzo: 1.1.0
info: { title: served, version: '1' }
sourceDescriptions:
  - { name: api, url: ../api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - { stepId: list, operationId: findPets, outputs: { at: $self } }
`;
    const server = await startLoopbackServer((request): LoopbackReply => {
      if (request.path === '/published/flow.arazzo.yaml') return { status: 200, headers: { 'content-location': '/specs/flows/flow.arazzo.yaml', 'content-type': 'application/yaml' }, body: flow };
      if (request.path === '/moved/flow.arazzo.yaml') return { status: 302, headers: { location: '/specs/flows/flow.arazzo.yaml' } };
      if (request.path === '/specs/flows/flow.arazzo.yaml') return { status: 200, headers: { 'content-type': 'application/yaml' }, body: flow };
      if (request.path === '/specs/api.openapi.yaml') return { status: 200, headers: { 'content-type': 'application/yaml' }, body: API };
      return { status: 404, body: 'not here' };
    });
    for (const served of ['/published/flow.arazzo.yaml', '/moved/flow.arazzo.yaml']) {
      const loaded = await loadFile(`${server.url}${served}`);
      expect(loaded.errors, served).toEqual([]);
      expect(loaded.workspace.documents.get(loaded.plan.rootKey)?.sources[0]?.location).toBe(`${server.url}/specs/api.openapi.yaml`);
    }
    // By the retrieval URL alone, ../api.openapi.yaml from /published/ is /api.openapi.yaml: not there.
    expect(server.requests.map((r) => r.path)).not.toContain('/api.openapi.yaml');
  });

  it('$self in a 1.0 document is no runtime expression source: a warning names it', async () => {
    const loaded = await loadDocument(`arazzo: 1.0.1
info: { title: old, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: findPets
        parameters: [ { name: X-Document, in: header, value: $self } ]
`);
    expect(loaded.warnings.map((d) => [d.code, d.message])).toContainEqual(['expression-unknown-source', '$self is an Arazzo 1.1 runtime expression source; this is a 1.0 document']);
  });
});
