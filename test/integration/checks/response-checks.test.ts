// Issue 13 "Response checks": each response against its operation's description — status declared
// (or default), content type declared, body valid against the schema in the source's dialect
// (3.0: nullable, boolean exclusiveMinimum; 3.1: JSON Schema 2020-12; discriminator; writeOnly).
// `--response-checks=off|warn|error`, default warn. A real loopback server answers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { useLoopbackServer, type LoopbackReply } from '../../support/loopback-server.js';
import { runInProcess, workflowDocument, writeDocuments } from '../auth/auth-fixtures.js';

const PET_30 = {
  type: 'object',
  required: ['id', 'name', 'password'],
  properties: {
    id: { type: 'integer', minimum: 0, exclusiveMinimum: true },
    name: { type: 'string' },
    nickname: { type: 'string', nullable: true },
    password: { type: 'string', writeOnly: true },
  },
};

function petApi(openapi: '3.0.3' | '3.1.0', schema: unknown, extraResponses: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi,
    info: { title: 'pets', version: '1' },
    servers: [{ url: 'http://127.0.0.1:9' }],
    paths: {
      '/pet': {
        get: {
          operationId: 'getPet',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema } } }, '404': { description: 'missing' }, ...extraResponses },
        },
      },
    },
  };
}

let reply: LoopbackReply = { body: {} };
const holder = useLoopbackServer(() => reply);
const flow = (criteria?: string) => workflowDocument([{ operationId: 'getPet', ...(criteria ? { successCriteria: [{ condition: criteria }] } : {}) } as never]);

async function run(api: Record<string, unknown>, answer: LoopbackReply, ...flags: string[]) {
  reply = answer;
  const file = writeDocuments(api, flow(flags.includes('--any-status') ? '$statusCode > 0' : undefined));
  return runInProcess(['run', file, '--server', `api=${holder.server.url}`, ...flags.filter((f) => f !== '--any-status')]);
}

describe('issue 13: response checks (default warn)', () => {
  it('a body that fits (3.0 nullable null, writeOnly password absent) passes without a warning', async () => {
    const result = await run(petApi('3.0.3', PET_30), { body: { id: 1, name: 'Rex', nickname: null } }, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { steps: Array<Record<string, unknown>>; warnings: Array<{ code: string }> };
    expect(json.steps[0]!.responseChecks).toBeUndefined();
    expect(json.warnings.map((w) => w.code)).not.toContain('response-check-failed');
  });

  it('a body that breaks the schema warns with the JSON pointer of the first bad value; the step still succeeds', async () => {
    const result = await run(petApi('3.0.3', PET_30), { body: { id: 'seven', name: 'Rex' } }, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { steps: Array<{ status: string; responseChecks?: Array<{ check: string; pointer?: string }> }>; warnings: Array<{ code: string; message: string }> };
    expect(json.steps[0]!.status).toBe('succeeded');
    expect(json.steps[0]!.responseChecks).toEqual([expect.objectContaining({ check: 'schema', pointer: '/id' })]);
    expect(json.warnings.find((w) => w.code === 'response-check-failed')?.message).toContain('/id');
  });

  it('3.0 boolean exclusiveMinimum is honoured (0 is not above 0)', async () => {
    const result = await run(petApi('3.0.3', PET_30), { body: { id: 0, name: 'Rex' } }, '--json');
    expect((JSON.parse(result.stdout) as { steps: Array<{ responseChecks?: Array<{ pointer?: string }> }> }).steps[0]!.responseChecks?.[0]?.pointer).toBe('/id');
  });

  it('an undeclared status and an undeclared content type are findings', async () => {
    const status = await run(petApi('3.0.3', PET_30), { status: 500, body: { error: 'x' } }, '--json', '--any-status');
    expect((JSON.parse(status.stdout) as { steps: Array<{ responseChecks?: Array<{ check: string }> }> }).steps[0]!.responseChecks?.[0]?.check).toBe('status');
    const type = await run(petApi('3.0.3', PET_30), { headers: { 'content-type': 'text/html' }, body: '<html></html>' }, '--json');
    const finding = (JSON.parse(type.stdout) as { steps: Array<{ responseChecks?: Array<{ check: string; message: string }> }> }).steps[0]!.responseChecks?.[0];
    expect(finding?.check).toBe('content-type');
    expect(finding?.message).toContain('text/html');
  });

  it('a `default` response covers any status', async () => {
    const api = petApi('3.0.3', PET_30, { default: { description: 'error', content: { 'application/json': { schema: { type: 'object', required: ['error'] } } } } });
    const result = await run(api, { status: 503, body: { error: 'busy' } }, '--json', '--any-status');
    expect((JSON.parse(result.stdout) as { steps: Array<{ responseChecks?: unknown }> }).steps[0]!.responseChecks).toBeUndefined();
  });

  it('3.1 (JSON Schema 2020-12): type lists allow null, and `nullable` is not a keyword there', async () => {
    const schema = { type: 'object', properties: { a: { type: ['string', 'null'] }, b: { type: 'string', nullable: true } } };
    const ok = await run(petApi('3.1.0', schema), { body: { a: null, b: 'x' } }, '--json');
    expect((JSON.parse(ok.stdout) as { steps: Array<{ responseChecks?: unknown }> }).steps[0]!.responseChecks).toBeUndefined();
    const bad = await run(petApi('3.1.0', schema), { body: { a: null, b: null } }, '--json');
    expect((JSON.parse(bad.stdout) as { steps: Array<{ responseChecks?: Array<{ pointer?: string }> }> }).steps[0]!.responseChecks?.[0]?.pointer).toBe('/b');
  });

  it('a discriminator picks among oneOf subschemas that would otherwise both match', async () => {
    const cat = { type: 'object', required: ['petType'], properties: { petType: { type: 'string' }, name: { type: 'string' } } };
    const dog = { type: 'object', required: ['petType'], properties: { petType: { type: 'string' }, bark: { type: 'boolean' } } };
    const schema = { oneOf: [cat, dog], discriminator: { propertyName: 'petType' } };
    const result = await run(petApi('3.0.3', schema), { body: { petType: 'Cat', name: 'Tom' } }, '--json');
    expect((JSON.parse(result.stdout) as { steps: Array<{ responseChecks?: unknown }> }).steps[0]!.responseChecks).toBeUndefined();
  });
});

describe('issue 13: --response-checks=error and =off', () => {
  it('error: the step fails (exit 1); JUnit names the pointer; GitHub gets an annotation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-checks-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    reply = { body: { id: 3, name: 42 } };
    const file = writeDocuments(petApi('3.0.3', PET_30), flow());
    const junit = path.join(dir, 'junit.xml');
    const result = await runInProcess(['run', file, '--server', `api=${holder.server.url}`, '--response-checks=error', '--report', `junit=${junit}`], { GITHUB_ACTIONS: 'true' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('response check failed');
    expect(result.stderr).toMatch(/::error [^\n]*\/name/);
    expect(readFileSync(junit, 'utf8')).toContain('[pointer: /name]');
  });

  it('off: nothing is checked', async () => {
    const result = await run(petApi('3.0.3', PET_30), { body: { id: 'x' } }, '--json', '--response-checks=off');
    expect((JSON.parse(result.stdout) as { steps: Array<{ responseChecks?: unknown }> }).steps[0]!.responseChecks).toBeUndefined();
  });

  it('a bad mode is a usage error (exit 2)', async () => {
    const result = await run(petApi('3.0.3', PET_30), { body: {} }, '--response-checks=strict');
    expect(result.code).toBe(2);
    expect(holder.server.requests).toEqual([]);
  });
});
