/** Spec §Versions, §Format, §Data Types; checklist section 1 and section 19 (1.0.0 → 1.0.1). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { codes, loadDocument, runDocument, writeWorkspace } from './support/run-document.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const documentWith = (version: string, steps?: string): string => `arazzo: ${version}
info: { title: versions, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    inputs: { type: object, properties: { name: { type: string } } }
    steps:
${steps ?? `      - stepId: a
        operationId: findPets
        parameters: [{ name: status, in: query, value: available }]
        outputs: { n: $response.body#/0/n }
    outputs: { n: $steps.a.outputs.n }`}
`;

describe('1.1 Arazzo Specification Object arazzo: a string matching 1.0.x', () => {
  it.each(['1.0.0', '1.0.1', "'1.0.1'", '1.0.1-rc1', '1.0.7'])('arazzo: %s is accepted', async (version) => {
    const loaded = await loadDocument(documentWith(version));
    expect(loaded.errors).toEqual([]);
  });

  it.each([['2.0.0', 'arazzo-version-invalid'], ['1.0', 'arazzo-version-invalid'], ['"one"', 'arazzo-version-invalid']])('arazzo: %s is refused (%s)', async (version, code) => {
    const loaded = await loadDocument(documentWith(version));
    expect(codes(loaded.errors)).toContain(code);
  });

  it('an unquoted arazzo: 1.0 (a YAML float) gets a "quote it" fix', async () => {
    const loaded = await loadDocument(documentWith('1.0'));
    expect(loaded.errors[0]).toMatchObject({ code: 'arazzo-version-invalid', fix: '1.0.1' });
  });
});

describe('1.2 arazzo: 1.1.x is accepted (Arazzo 1.1.0 §Versions); other minor versions are refused', () => {
  it('a 1.1.0 document with only 1.0 constructs loads without errors', async () => {
    const loaded = await loadDocument(documentWith('1.1.0'));
    expect(loaded.errors).toEqual([]);
  });

  it('arazzo: 1.2.0 is arazzo-version-unsupported at /arazzo, and run exits 2 sending nothing', async () => {
    const loaded = await loadDocument(documentWith('1.2.0'));
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]).toMatchObject({ code: 'arazzo-version-unsupported', pointer: '/arazzo', line: 1 });
    const api = await startApi({ 'GET /pets': json([]) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': documentWith('1.2.0') });
    const run = await runCliInProcess(['run', path.join(dir, 'flow.arazzo.yaml'), '--server', `api=${api.url}`, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'invalid', diagnostics: [{ code: 'arazzo-version-unsupported' }] });
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('1.3 the patch version is not considered: 1.0.0 and 1.0.1 run identically', () => {
  it('same document, same requests and result', async () => {
    const results = [];
    for (const version of ['1.0.0', '1.0.1']) {
      const api = await startApi({ 'GET /pets': json([{ n: 1 }]) });
      const { result } = await runDocument(documentWith(version), { api });
      results.push({ status: result.status, outputs: result.outputs, steps: result.steps.map((s) => s.status), targets: api.requests.map((r) => r.target) });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ status: 'succeeded', outputs: { n: 1 } });
  });
});

describe('1.4 field names are case-sensitive', () => {
  it('WorkflowId: is not workflowId, so the workflow has no id', async () => {
    const loaded = await loadDocument(`arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - WorkflowId: w
    steps: [{ stepId: a, operationId: findPets }]
`);
    expect(codes(loaded.errors)).toContain('workflow-id-missing');
  });
});

describe('1.9 workflows in other documents must be declared as a Source Description', () => {
  it('a step workflowId naming an undeclared file is an error', async () => {
    const loaded = await loadDocument(documentWith('1.0.1', `      - { stepId: a, workflowId: './other.arazzo.yaml#/workflows/0' }`));
    expect(codes(loaded.errors)).toContain('workflow-not-found');
  });
});

describe('19.1 / 19.8 Parameter in: body (Arazzo 1.0.0): accepted with a deprecation warning and sent as the request body', () => {
  const bodyStep = `      - stepId: a
        operationId: createPet
        parameters:
          - { name: pet, in: body, value: { name: $inputs.name, tag: dog } }
`;

  it('1.0.0: warning parameter-in-body, the value is the JSON request body', async () => {
    const api = await startApi({ 'POST /pets': json({}, 201) });
    const { result, loaded } = await runDocument(documentWith('1.0.0', bodyStep), { api, inputs: { name: 'Rex' } });
    expect(loaded.warnings.map((w) => [w.code, w.pointer])).toContainEqual(['parameter-in-body', '/workflows/0/steps/0/parameters/0/in']);
    expect(result.status).toBe('succeeded');
    expect(api.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(api.requests[0]!.body)).toEqual({ name: 'Rex', tag: 'dog' });
  });

  it('1.0.1: in: body is an error (it was removed)', async () => {
    const loaded = await loadDocument(documentWith('1.0.1', bodyStep));
    expect(codes(loaded.errors)).toContain('parameter-in-body');
  });

  it('1.0.0: in: body next to a requestBody is an error', async () => {
    const loaded = await loadDocument(documentWith('1.0.0', `${bodyStep}        requestBody: { payload: { name: x } }\n`));
    expect(codes(loaded.errors)).toContain('parameter-in-body-conflict');
  });
});

describe('1.8 Data Types format: password is a hint to obscure: masked in every report', () => {
  it('a password input sent in a header and echoed in an output never appears in stdout or stderr', async () => {
    const api = await startApi({ 'GET /echo': (e) => json({ echoed: e.headers['x-request-id'] }) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': `arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    inputs: { type: object, properties: { pin: { type: string, format: password } } }
    steps:
      - stepId: a
        operationId: echo
        parameters: [{ name: X-Request-Id, in: header, value: $inputs.pin }]
        outputs: { echoed: $response.body#/echoed }
    outputs: { echoed: $steps.a.outputs.echoed }
` });
    const run = await runCliInProcess(['run', path.join(dir, 'flow.arazzo.yaml'), '--server', `api=${api.url}`, '--input', 'pin=s3cr3t-canary', '--json', '--verbose']);
    expect(run.code).toBe(0);
    expect(api.requests[0]?.headers['x-request-id']).toBe('s3cr3t-canary');
    expect(run.stdout + run.stderr).not.toContain('s3cr3t-canary');
    expect(JSON.parse(run.stdout).outputs.echoed).toBe('***');
  });
});
