/** Spec §Source Description Object; checklist section 4 (resolution, type sniffing, loading once, scoping, dry run). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi, type Reply } from './support/api-server.js';
import { arazzo, codes, FIXTURES, loadDocument, loadFile, runDocument, runLoaded, writeWorkspace } from './support/run-document.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const yamlReply = (text: string, type = 'application/yaml'): Reply => ({ text, headers: { 'content-type': type } });

describe('4.3 Source Description url: a relative url resolves against the referring document, not the working directory', () => {
  it('a local document in a sub-directory finds ./api.openapi.yaml beside itself', async () => {
    const dir = writeWorkspace({
      'nested/deeper/flow.arazzo.yaml': arazzo(`
  - workflowId: w
    steps: [{ stepId: a, operationId: findPets }]
`),
      'nested/deeper/api.openapi.yaml': fixture('api.openapi.yaml'),
    });
    expect(process.cwd()).not.toBe(path.join(dir, 'nested/deeper'));
    const loaded = await loadFile(path.join(dir, 'nested/deeper/flow.arazzo.yaml'));
    expect(loaded.errors).toEqual([]);
  });

  it('an http:// Arazzo document resolves ./api.openapi.yaml against its own URL', async () => {
    const server = await startApi({
      'GET /flows/flow.arazzo.yaml': yamlReply(arazzo(`
  - workflowId: w
    steps: [{ stepId: a, operationId: findPets }]
`)),
      'GET /flows/api.openapi.yaml': yamlReply(fixture('api.openapi.yaml')),
      'GET /pets': json([]),
    });
    const loaded = await loadFile(`${server.url}/flows/flow.arazzo.yaml`);
    expect(loaded.errors).toEqual([]);
    const { result } = await runLoaded(loaded, { api: server });
    expect(result.status).toBe('succeeded');
    expect(server.requests.map((r) => r.path)).toEqual(['/flows/flow.arazzo.yaml', '/flows/api.openapi.yaml', '/pets']);
  });
});

describe('4.4 Source Description type (decision): when absent, sniff the loaded document', () => {
  it('an untyped source pointing at an Arazzo document still resolves its workflows', async () => {
    const api = await startApi({ 'GET /echo': json({ v: 'child' }) });
    const { result } = await runDocument(`arazzo: 1.0.1
info: { title: parent, version: '1' }
sourceDescriptions:
  - { name: lib, url: ./child.arazzo.yaml }
workflows:
  - workflowId: main
    steps:
      - { stepId: call, workflowId: $sourceDescriptions.lib.child, outputs: { v: $outputs.v } }
    outputs: { v: $steps.call.outputs.v }
`, {
      api,
      files: {
        'child.arazzo.yaml': arazzo(`
  - workflowId: child
    steps: [{ stepId: a, operationId: echo, outputs: { v: $response.body#/v } }]
    outputs: { v: $steps.a.outputs.v }
`),
      },
    });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { v: 'child' } });
  });

  it('an untyped source pointing at OpenAPI is OpenAPI', async () => {
    const loaded = await loadDocument(`arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml }
workflows:
  - workflowId: w
    steps: [{ stepId: a, operationId: findPets }]
`);
    expect(loaded.errors).toEqual([]);
  });
});

describe('4.5 each source is loaded once (cached by resolved URL), with its internal $refs resolved', () => {
  it('20 steps, two source names and a sub-document on one OpenAPI URL → one fetch', async () => {
    const steps = Array.from({ length: 20 }, (_, i) => `      - { stepId: s${i}, operationId: $sourceDescriptions.api.findPets }`).join('\n');
    const server = await startApi({
      'GET /flow.arazzo.yaml': yamlReply(`arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
  - { name: same, url: '${'./api.openapi.yaml'}', type: openapi }
  - { name: lib, url: ./lib.arazzo.yaml, type: arazzo }
workflows:
  - workflowId: w
    steps:
${steps}
`),
      'GET /lib.arazzo.yaml': yamlReply(arazzo(`
  - workflowId: x
    steps: [{ stepId: a, operationId: findPets }]
`)),
      'GET /api.openapi.yaml': yamlReply(fixture('api.openapi.yaml')),
    });
    const loaded = await loadFile(`${server.url}/flow.arazzo.yaml`);
    expect(loaded.errors).toEqual([]);
    expect(server.calls('GET /api.openapi.yaml')).toHaveLength(1);
  });

  it('an OpenAPI 3.0 source with components $refs is dereferenced', async () => {
    const api = await startApi({ 'GET /v2/orders/{orderId}': json({}) });
    await runDocument(`arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: store, url: ./store.openapi30.yaml, type: openapi }
workflows:
  - workflowId: w
    steps: [{ stepId: a, operationId: getOrder, parameters: [{ name: orderId, in: path, value: 12 }] }]
`, { api, files: { 'store.openapi30.yaml': fixture('store.openapi30.yaml') } });
    expect(api.requests[0]?.path).toBe('/v2/orders/12');
  });
});

describe('4.6 components are scoped to their own document', () => {
  it('a workflow in document B cannot use a component only A defines', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: main
    steps: [{ stepId: a, workflowId: $sourceDescriptions.lib.x }]
`, `components:
  parameters:
    shared: { name: status, in: query, value: fromA }
`).replace('sourceDescriptions:\n', 'sourceDescriptions:\n  - { name: lib, url: ./lib.arazzo.yaml, type: arazzo }\n'), {
      'lib.arazzo.yaml': arazzo(`
  - workflowId: x
    steps: [{ stepId: a, operationId: findPets, parameters: [{ reference: $components.parameters.shared }] }]
`),
    });
    expect(loaded.errors.map((d) => [d.code, path.basename(d.file ?? '')])).toEqual([['reusable-not-found', 'lib.arazzo.yaml']]);
  });
});

describe('4.8 descriptions may be untrusted: --dry-run sends nothing', () => {
  it('run --dry-run exits 0 and the server receives no request', async () => {
    const api = await startApi({ 'GET /pets': json([]) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': arazzo(`
  - workflowId: w
    steps: [{ stepId: a, operationId: findPets }]
`) });
    const run = await runCliInProcess(['run', path.join(dir, 'flow.arazzo.yaml'), '--server', `api=${api.url}`, '--dry-run']);
    expect(run.code).toBe(0);
    expect(api.requests).toHaveLength(0);
  });
});

describe('17.3 remote documents served with the Arazzo media types parse', () => {
  it.each(['application/vnd.oai.workflows+yaml', 'application/vnd.oai.workflows;version=1.0.1', 'text/plain'])('%s', async (type) => {
    const server = await startApi({
      'GET /flow': yamlReply(arazzo(`
  - workflowId: w
    steps: [{ stepId: a, operationId: findPets }]
`).replace('./api.openapi.yaml', './api.openapi.yaml'), type),
      'GET /api.openapi.yaml': yamlReply(fixture('api.openapi.yaml')),
    });
    const loaded = await loadFile(`${server.url}/flow`);
    expect(codes(loaded.errors)).toEqual([]);
  });
});
