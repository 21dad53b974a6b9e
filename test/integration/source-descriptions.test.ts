/**
 * Issue 10 items 5, 6, 8: source descriptions as they are in the wild. AWS path keys with a
 * fragment, a source url with a space, OpenAPI 3.2 (query, additionalOperations, querystring),
 * Swagger 2.0, non-OpenAPI documents, unreachable remote sources in lint and run, --source and
 * --offline. Requests are checked on a real loopback server; remote sources are served by one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { findClosedPort } from './http/start-loopback-server.js';
import { startLoopbackServer } from '../support/loopback-server.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'arazzo-sources-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** An Arazzo document with one source and one workflow whose steps are given as YAML lines. */
function arazzo(name: string, url: string, steps: string): string {
  return write(name, `arazzo: 1.0.1
info: {title: t, version: "1"}
sourceDescriptions:
  - name: api
    url: ${url}
    type: openapi
workflows:
  - workflowId: w
    steps:
${steps}`);
}

const ok = { status: 200, body: { ok: true } };

describe('issue 10 item 5: path keys with a fragment (AWS convention)', () => {
  const openapi = write('aws.openapi.yaml', `openapi: 3.0.0
info: {title: aws-like, version: "1"}
servers: [{url: "http://127.0.0.1:9"}]
paths:
  "/#Action=AttachInstances":
    get:
      operationId: AttachInstances
      parameters: [{name: GroupName, in: query, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  "/{Bucket}#uploads":
    post:
      operationId: CreateMultipartUpload
      parameters: [{name: Bucket, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  "/{Bucket}/{Key}#uploadId":
    get:
      operationId: ListParts
      parameters:
        - {name: Bucket, in: path, required: true, schema: {type: string}}
        - {name: Key, in: path, required: true, schema: {type: string}}
        - {name: uploadId, in: query, schema: {type: string}}
      responses: {"200": {description: ok}}
`);

  it('the fragment is not sent as the path; name=value is a fixed query, a bare name an empty one, a declared one the step value', async () => {
    const server = await startLoopbackServer(() => ok);
    const file = arazzo('aws.arazzo.yaml', `./${path.basename(openapi)}`, `      - stepId: attach
        operationId: AttachInstances
        parameters: [{name: GroupName, in: query, value: g1}]
      - stepId: upload
        operationId: CreateMultipartUpload
        parameters: [{name: Bucket, in: path, value: b}]
      - stepId: parts
        operationId: ListParts
        parameters:
          - {name: Bucket, in: path, value: b}
          - {name: Key, in: path, value: k}
          - {name: uploadId, in: query, value: u-1}
`);
    const { code } = await runCliInProcess(['run', file, '--server', `api=${server.url}`, '--json']);
    expect(code).toBe(0);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /?Action=AttachInstances&GroupName=g1',
      'POST /b?uploads=',
      'GET /b/k?uploadId=u-1',
    ]);
  });

  it('a bare fragment name the operation declares becomes a required query parameter (lint says it is missing)', async () => {
    const file = arazzo('aws-missing.arazzo.yaml', `./${path.basename(openapi)}`, `      - stepId: parts
        operationId: ListParts
        parameters:
          - {name: Bucket, in: path, value: b}
          - {name: Key, in: path, value: k}
`);
    const { stdout } = await runCliInProcess(['lint', file, '--format', 'json']);
    const diagnostics = (JSON.parse(stdout) as { diagnostics: Array<{ code: string; message: string }> }).diagnostics;
    expect(diagnostics.some((d) => /uploadId/.test(d.message))).toBe(true);
  });
});

describe('issue 10 item 5: a source url with a space', () => {
  it('is read percent-encoded, with a warning whose fix is the encoded url', async () => {
    write('business units.yaml', 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /units:\n    get: {operationId: listUnits, responses: {"200": {description: ok}}}\n');
    const file = arazzo('space.arazzo.yaml', './business units.yaml', '      - {stepId: s, operationId: listUnits}\n');
    const { code, stdout } = await runCliInProcess(['lint', file, '--format', 'json']);
    expect(code).toBe(0);
    const diagnostics = (JSON.parse(stdout) as { diagnostics: Array<{ code: string; severity: string; fix?: string; line?: number }> }).diagnostics;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'source-url-unencoded')).toMatchObject({ severity: 'warning', fix: './business%20units.yaml', line: 5 });
  });
});

describe('issue 10 item 6: OpenAPI 3.2, 3.1, 3.0 and Swagger 2.0 sources', () => {
  it('a 3.2 source: the query method and additionalOperations are indexed and sent; an in: querystring parameter is indexed', async () => {
    const server = await startLoopbackServer(() => ok);
    write('v32.openapi.yaml', `openapi: 3.2.0
info: {title: t, version: "1"}
paths:
  /search:
    query:
      operationId: searchItems
      parameters:
        - {name: filter, in: querystring, content: {application/x-www-form-urlencoded: {schema: {type: object}}}}
      responses: {"200": {description: ok}}
  /items/{id}:
    additionalOperations:
      COPY:
        operationId: copyItem
        parameters: [{name: id, in: path, required: true, schema: {type: string}}]
        responses: {"200": {description: ok}}
`);
    const file = arazzo('v32.arazzo.yaml', './v32.openapi.yaml', `      - stepId: search
        operationId: searchItems
      - stepId: copy
        operationPath: "{$sourceDescriptions.api.url}#/paths/~1items~1{id}/additionalOperations/COPY"
        parameters: [{name: id, in: path, value: "7"}]
`);
    const lint = await runCliInProcess(['lint', file, '--format', 'json']);
    const errors = (JSON.parse(lint.stdout) as { diagnostics: Array<{ code: string; severity: string }> }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const run = await runCliInProcess(['run', file, '--server', `api=${server.url}`, '--json']);
    expect(run.code).toBe(0);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['QUERY /search', 'COPY /items/7']);
  });

  it.each([
    ['3.1.1', 'openapi'],
    ['3.0.3', 'openapi'],
    ['2.0', 'swagger'],
  ])('OpenAPI %s loads and its operation is found', async (version, field) => {
    const body = field === 'swagger' ? 'host: example.test\n' : '';
    write(`v${version}.yaml`, `${field}: "${version}"\ninfo: {title: t, version: "1"}\n${body}paths:\n  /a:\n    get: {operationId: getA, responses: {"200": {description: ok}}}\n`);
    const file = arazzo(`v${version}.arazzo.yaml`, `./v${version}.yaml`, '      - {stepId: s, operationId: getA}\n');
    const { code, stdout } = await runCliInProcess(['lint', file, '--format', 'json']);
    expect(JSON.parse(stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it.each([
    ['an AsyncAPI document', 'asyncapi: 3.0.0\ninfo: {title: t, version: "1"}\n', 'AsyncAPI', 'OpenAPI description'],
    ['OpenAPI 4.0', 'openapi: 4.0.0\ninfo: {title: t, version: "1"}\npaths: {}\n', '4.0.0', 'OpenAPI 3.2, 3.1, 3.0 or Swagger 2.0'],
    ['an Arazzo document declared type: openapi', 'arazzo: 1.0.1\ninfo: {title: t, version: "1"}\nsourceDescriptions: []\nworkflows: []\n', 'Arazzo', 'type: arazzo'],
    ['a plain mapping', 'title: not an api\n', 'not an OpenAPI description', 'OpenAPI 3.2, 3.1, 3.0 or Swagger 2.0'],
  ])('%s → source-not-openapi with a hint that fits it', async (_what, text, inMessage, inHint) => {
    const name = `not-${Math.random().toString(36).slice(2)}.yaml`;
    write(name, text);
    const file = arazzo(`${name}.arazzo.yaml`, `./${name}`, '      - {stepId: s, operationId: getA}\n');
    const { stdout } = await runCliInProcess(['lint', file, '--format', 'json']);
    const error = (JSON.parse(stdout) as { diagnostics: Array<{ code: string; message: string; hint?: string }> }).diagnostics.find((d) => d.code === 'source-not-openapi');
    expect(error?.message).toContain(inMessage);
    expect(error?.hint).toContain(inHint);
    if (!inHint.includes('type: arazzo')) expect(error?.hint).not.toContain('type: arazzo');
  });
});

describe('issue 10 item 8: unreachable remote sources, --source and --offline', () => {
  const OPENAPI = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /thing:\n    get: {operationId: getThing, responses: {"200": {description: ok}}}\n';
  const steps = '      - {stepId: s, operationId: getThing}\n';

  it('lint: an unreachable remote source is a warning ("operation checks skipped"), exit 0; run: an error, exit 2, nothing sent', async () => {
    const file = arazzo('unreachable.arazzo.yaml', `http://127.0.0.1:${await findClosedPort()}/openapi.yaml`, steps);
    const lint = await runCliInProcess(['lint', file, '--format', 'json']);
    const diagnostics = (JSON.parse(lint.stdout) as { diagnostics: Array<{ code: string; severity: string; message: string }> }).diagnostics;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'source-unreachable')).toMatchObject({ severity: 'warning', message: expect.stringContaining('operation checks skipped') });
    expect(lint.code).toBe(0);
    const api = await startLoopbackServer(() => ok);
    const run = await runCliInProcess(['run', file, '--server', `api=${api.url}`, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).diagnostics[0]).toMatchObject({ code: 'source-unreachable', severity: 'error' });
    expect(api.requests).toHaveLength(0);
  });

  it('--source name=path reads a vendored copy instead of the remote url; the run uses its operations', async () => {
    const copy = write('vendored.openapi.yaml', OPENAPI);
    const file = arazzo('vendored.arazzo.yaml', `http://127.0.0.1:${await findClosedPort()}/openapi.yaml`, steps);
    const api = await startLoopbackServer(() => ok);
    const { code } = await runCliInProcess(['run', file, '--source', `api=${copy}`, '--server', `api=${api.url}`, '--json']);
    expect(code).toBe(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/thing']);
  });

  it('--source name=url points a source at another URL (a loopback mirror)', async () => {
    const mirror = await startLoopbackServer(() => ({ headers: { 'content-type': 'application/yaml' }, body: OPENAPI }));
    const file = arazzo('mirror.arazzo.yaml', './does-not-exist.yaml', steps);
    const { code, stdout } = await runCliInProcess(['lint', file, '--source', `api=${mirror.url}/openapi.yaml`, '--format', 'json']);
    expect(JSON.parse(stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    expect(mirror.requests.map((r) => r.path)).toEqual(['/openapi.yaml']);
  });

  it('--offline fetches nothing: a remote source is not requested and the message says --offline', async () => {
    const remote = await startLoopbackServer(() => ({ body: OPENAPI }));
    const file = arazzo('offline.arazzo.yaml', `${remote.url}/openapi.yaml`, steps);
    const lint = await runCliInProcess(['lint', file, '--offline', '--format', 'json']);
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout).diagnostics.find((d: { code: string }) => d.code === 'source-unreachable')?.message).toContain('--offline');
    const run = await runCliInProcess(['run', file, '--offline', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).diagnostics[0].hint).toContain('--source');
    expect(remote.requests).toHaveLength(0);
  });

  it('--source with a name no document declares → exit 2 naming it', async () => {
    const file = arazzo('typo.arazzo.yaml', './vendored.openapi.yaml', steps);
    const { code, stderr } = await runCliInProcess(['lint', file, '--source', 'apii=./x.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('apii');
  });
});
