// The Daytona + OCI simulator over real loopback HTTP (api-facts §3), plus the
// seed workflows and OpenAPI files it stands behind.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { call, pollStates } from '../support/simulator/call-simulator.js';
import {
  COMPARTMENT_ID, RUNNING_INSTANCE_ID, STOPPED_INSTANCE_ID, startSimulator, type Simulator,
} from '../support/simulator/index.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const snap = (path = ''): string => `${sim.daytonaUrl}/snapshots${path}`;
const box = (path = ''): string => `${sim.daytonaUrl}/sandbox${path}`;
const oci = (path: string): string => `${sim.ociUrl}${path}`;

async function createSnapshot(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call('POST', snap(), { body: { name, imageName: 'ubuntu:22.04', ...extra } });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

describe('Daytona snapshots (api-facts §3.1)', () => {
  it('default: 200 pending on create, then pulling, pulling, active', async () => {
    const res = await call('POST', snap(), { body: { name: 'app', imageName: 'ubuntu:22.04', cpu: 2, memory: 4, disk: 8 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'app', state: 'pending', cpu: 2, mem: 4, disk: 8, size: null, errorReason: null });
    expect(res.body).not.toHaveProperty('memory');
    expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await pollStates(snap(`/${res.body.id}`), 4)).toEqual(['pulling', 'pulling', 'active', 'active']);
    const final = (await call('GET', snap('/app'))).body; // by name works too
    expect(final).toMatchObject({ id: res.body.id, state: 'active' });
    expect(final.lastUsedAt).toEqual(expect.any(String));
    expect(final.size).toEqual(expect.any(Number));
  });

  it('buildInfo builds instead of pulling', async () => {
    const res = await call('POST', snap(), { body: { name: 'df', buildInfo: { dockerfileContent: 'FROM alpine:3.20' } } });
    expect(res.status).toBe(200);
    expect(await pollStates(snap(`/${res.body.id}`), 3)).toEqual(['building', 'building', 'active']);
  });

  it('`inactive` lands inactive; activate answers pending, then pulling → active', async () => {
    const id = await createSnapshot('demo-inactive');
    expect(await pollStates(snap(`/${id}`), 3)).toEqual(['pulling', 'pulling', 'inactive']);
    expect((await call('POST', snap('/demo-inactive/activate'))).body).toMatchObject({
      statusCode: 400, message: 'Validation failed (uuid is expected)',
    });
    const activated = await call('POST', snap(`/${id}/activate`));
    expect(activated.status).toBe(200);
    expect(activated.body.state).toBe('pending');
    expect(await pollStates(snap(`/${id}`), 3)).toEqual(['pulling', 'pulling', 'active']);
    const again = await call('POST', snap(`/${id}/activate`));
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(`Snapshot ${id} is already active`);
  });

  it('`build-failed`, `error` and `slow` scenarios', async () => {
    const failed = await createSnapshot('x-build-failed');
    expect(await pollStates(snap(`/${failed}`), 3)).toEqual(['building', 'building', 'build_failed']);
    expect((await call('GET', snap(`/${failed}`))).body.errorReason).toEqual(expect.stringContaining('non-zero code'));
    const errored = await createSnapshot('x-error');
    expect(await pollStates(snap(`/${errored}`), 3)).toEqual(['pulling', 'pulling', 'error']);
    expect((await call('GET', snap(`/${errored}`))).body.errorReason).toBe('Timeout processing snapshot on initial runner');
    const slow = await createSnapshot('x-slow');
    expect(await pollStates(snap(`/${slow}`), 6)).toEqual([...Array(5).fill('pulling'), 'active']);
  });

  it('rejects bad CreateSnapshot bodies with 400 and duplicates with 409', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'a' }, 'Must specify an image name when not using a build info entry'],
      [{ name: 'a', imageName: 'ubuntu' }, 'Image name must include a tag (e.g., ubuntu:22.04) or digest (@sha256:...)'],
      [{ name: 'a', imageName: 'ubuntu:latest' }, 'Images with tag ":latest" are not allowed'],
      [{ imageName: 'ubuntu:22.04', cpu: -1 }, 'name must be a string, cpu must not be less than 0'],
    ];
    for (const [body, message] of cases) {
      const res = await call('POST', snap(), { body });
      expect([res.status, res.body.message]).toEqual([400, message]);
    }
    await createSnapshot('dup');
    const dup = await call('POST', snap(), { body: { name: 'dup', imageName: 'ubuntu:22.04' } });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('Snapshot with name "dup" already exists for this organization');
  });

  it('deactivate (204), list, and remove (removing, then 404)', async () => {
    const id = await createSnapshot('keep');
    await pollStates(snap(`/${id}`), 3);
    const off = await call('POST', snap(`/${id}/deactivate`));
    expect([off.status, off.text]).toEqual([204, '']);
    expect((await call('GET', snap(`/${id}`))).body.state).toBe('inactive');
    const list = await call('GET', `${snap()}?page=1&limit=10`);
    expect(list.body).toMatchObject({ total: 1, page: 1, totalPages: 1 });
    expect((await call('DELETE', snap(`/${id}`))).status).toBe(200);
    expect((await call('GET', snap(`/${id}`))).body.state).toBe('removing');
    expect((await call('GET', snap(`/${id}`))).status).toBe(404);
  });

  it('401 without the bearer token, 404 for unknown ids and routes (real error shape)', async () => {
    for (const token of [null, 'wrong']) {
      const res = await call('GET', snap('/whatever'), { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        path: '/api/snapshots/whatever', timestamp: expect.any(String), statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials',
      });
    }
    const missing = await call('GET', snap('/nope'));
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'Snapshot with name nope not found' });
    const route = await call('GET', `${sim.daytonaUrl}/nothing-here`);
    expect(route.status).toBe(404);
    expect(route.headers.get('content-type')).toMatch(/application\/json/);
    expect(route.body.message).toBe('Cannot GET /api/nothing-here');
    expect((await call('GET', `${sim.url}/elsewhere`)).status).toBe(404);
  });
});

describe('Daytona sandboxes (api-facts §3.2)', () => {
  it('400 for a missing or non-active snapshot, then creating → started', async () => {
    const missing = await call('POST', box(), { body: { snapshot: 'ghost' } });
    expect([missing.status, missing.body.message]).toEqual([400, 'Snapshot ghost not found. Did you add it through the Daytona Dashboard?']);
    const id = await createSnapshot('base');
    const early = await call('POST', box(), { body: { snapshot: 'base' } });
    expect([early.status, early.body.message]).toEqual([400, 'Snapshot base is pending']);
    await pollStates(snap(`/${id}`), 3);
    const created = await call('POST', box(), { body: { snapshot: 'base' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ state: 'creating', snapshot: 'base', memory: 1, name: created.body.id });
    expect(await pollStates(`${box(`/${created.body.id}`)}?verbose=true`, 3)).toEqual(['creating', 'started', 'started']);
  });

  it('`sandbox-error` snapshots build fine but their sandboxes go to error', async () => {
    const id = await createSnapshot('img-sandbox-error');
    expect(await pollStates(snap(`/${id}`), 3)).toEqual(['pulling', 'pulling', 'active']);
    const created = await call('POST', box(), { body: { snapshot: id, name: 'doomed' } });
    expect(await pollStates(box('/doomed'), 2)).toEqual(['creating', 'error']);
    const final = await call('GET', box(`/${created.body.id}`));
    expect(final.body.errorReason).toEqual(expect.stringContaining('Sandbox failed to start'));
  });

  it('400 for resources with a snapshot, 409 duplicate name, 404 unknown, delete → 404', async () => {
    const id = await createSnapshot('base');
    await pollStates(snap(`/${id}`), 3);
    const withCpu = await call('POST', box(), { body: { snapshot: 'base', cpu: 2 } });
    expect([withCpu.status, withCpu.body.message]).toEqual([400, 'Cannot specify Sandbox resources when using a snapshot']);
    await call('POST', box(), { body: { snapshot: 'base', name: 'one' } });
    const dup = await call('POST', box(), { body: { snapshot: 'base', name: 'one' } });
    expect([dup.status, dup.body.message]).toEqual([409, 'Sandbox with name one already exists']);
    expect((await call('GET', box('/nope'))).body.message).toBe('Sandbox with ID or name nope not found');
    expect((await call('DELETE', box('/one'))).body.state).toBe('destroying');
    expect(await pollStates(box('/one'), 1)).toEqual(['destroying']);
    expect((await call('GET', box('/one'))).status).toBe(404);
  });
});

describe('OCI compute (api-facts §3.3, §3.4)', () => {
  const details = (instanceId: string, displayName = 'golden'): Record<string, unknown> =>
    ({ compartmentId: COMPARTMENT_ID, instanceId, displayName });

  it('serves the seeded instances; 404 NotAuthorizedOrNotFound for unknown ids', async () => {
    const stopped = await call('GET', oci(`/instances/${STOPPED_INSTANCE_ID}`), { token: null });
    expect(stopped.body).toMatchObject({ id: STOPPED_INSTANCE_ID, lifecycleState: 'STOPPED', region: 'iad' });
    expect(stopped.headers.get('etag')).toBeTruthy();
    expect(stopped.headers.get('opc-request-id')).toMatch(/^[0-9A-F]{32}\/[0-9A-F]{32}\/[0-9A-F]{32}$/);
    expect((await call('GET', oci(`/instances/${RUNNING_INSTANCE_ID}`))).body.lifecycleState).toBe('RUNNING');
    const missing = await call('GET', oci('/images/ocid1.image.oc1.iad.nope'));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'NotAuthorizedOrNotFound', message: 'Authorization failed or requested resource not found.' });
    expect(missing.headers.get('opc-request-id')).toBeTruthy();
    expect((await call('GET', oci('/nothing'))).body.code).toBe('NotFound');
  });

  it('createImage: 200 PROVISIONING with headers, AVAILABLE on the 3rd GET; 409 while provisioning', async () => {
    const res = await call('POST', oci('/images'), { body: details(STOPPED_INSTANCE_ID), token: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lifecycleState: 'PROVISIONING', compartmentId: COMPARTMENT_ID, displayName: 'golden' });
    expect(res.body.id).toMatch(/^ocid1\.image\.oc1\.iad\.[a-z2-7]{60}$/);
    expect(res.headers.get('opc-work-request-id')).toMatch(/^ocid1\.coreservicesworkrequest\.oc1\.iad\./);
    const conflict = await call('POST', oci('/images'), { body: details(STOPPED_INSTANCE_ID, 'again') });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ code: 'Conflict', message: 'Conflict with another image operation, try again later' });
    const url = oci(`/images/${res.body.id}`);
    const etags = new Set([res.headers.get('etag')]);
    const states: unknown[] = [];
    for (let i = 0; i < 3; i += 1) {
      const got = await call('GET', url);
      states.push(got.body.lifecycleState);
      etags.add(got.headers.get('etag'));
    }
    expect(states).toEqual(['PROVISIONING', 'PROVISIONING', 'AVAILABLE']);
    expect(etags.size).toBe(2); // the etag changes with the state, not on every read
    expect((await call('GET', oci(`/instances/${STOPPED_INSTANCE_ID}`))).body.lifecycleState).toBe('STOPPED');
    expect((await call('POST', oci('/images'), { body: details(STOPPED_INSTANCE_ID, 'later') })).status).toBe(200);
  });

  it('a RUNNING instance shows CREATING_IMAGE during capture; `slow` images take 6 GETs', async () => {
    const res = await call('POST', oci('/images'), { body: details(RUNNING_INSTANCE_ID, 'slow-capture') });
    expect((await call('GET', oci(`/instances/${RUNNING_INSTANCE_ID}`))).body.lifecycleState).toBe('CREATING_IMAGE');
    const stop = await call('POST', oci(`/instances/${RUNNING_INSTANCE_ID}?action=STOP`));
    expect([stop.status, stop.body.code]).toEqual([409, 'Conflict']);
    expect(await pollStates(oci(`/images/${res.body.id}`), 6, 'lifecycleState')).toEqual([...Array(5).fill('PROVISIONING'), 'AVAILABLE']);
    expect((await call('GET', oci(`/instances/${RUNNING_INSTANCE_ID}`))).body.lifecycleState).toBe('RUNNING');
  });

  it('400 MissingParameter / InvalidParameter; retry tokens replay; instance actions', async () => {
    const noCompartment = await call('POST', oci('/images'), { body: { instanceId: STOPPED_INSTANCE_ID } });
    expect([noCompartment.status, noCompartment.body.code]).toEqual([400, 'MissingParameter']);
    expect((await call('POST', oci('/images'), { body: { compartmentId: COMPARTMENT_ID } })).body.code).toBe('InvalidParameter');
    const headers = { 'opc-retry-token': 'token-1' };
    const first = await call('POST', oci('/images'), { body: details(STOPPED_INSTANCE_ID), headers });
    const replay = await call('POST', oci('/images'), { body: details(STOPPED_INSTANCE_ID), headers });
    expect([replay.status, replay.body.id]).toEqual([200, first.body.id]);
    const reused = await call('POST', oci('/images'), { body: details(STOPPED_INSTANCE_ID, 'other'), headers });
    expect([reused.status, reused.body.code]).toEqual([409, 'InvalidatedRetryToken']);
    const id = sim.addInstance({ lifecycleState: 'RUNNING' });
    expect((await call('POST', oci(`/instances/${id}?action=STOP`))).body.lifecycleState).toBe('STOPPING');
    expect((await call('GET', oci(`/instances/${id}`))).body.lifecycleState).toBe('STOPPED');
    expect((await call('POST', oci(`/instances/${id}?action=FLY`))).body.code).toBe('InvalidParameter');
  });

  it('ociAuthRequired: 401 NotAuthenticated without an Authorization header', async () => {
    const strict = await startSimulator({ ociAuthRequired: true, apiToken: 'dtn_other' });
    try {
      const res = await call('GET', `${strict.ociUrl}/instances/${STOPPED_INSTANCE_ID}`, { token: null });
      expect([res.status, res.body.code]).toEqual([401, 'NotAuthenticated']);
      expect(res.headers.get('opc-request-id')).toBeTruthy();
      const signed = { authorization: 'Signature version="1",keyId="t/u/f",algorithm="rsa-sha256",signature="x"' };
      expect((await call('GET', `${strict.ociUrl}/instances/${STOPPED_INSTANCE_ID}`, { token: null, headers: signed })).status).toBe(200);
      expect((await call('GET', `${strict.daytonaUrl}/snapshots/x`, { token: 'dtn_other' })).status).toBe(404);
    } finally {
      await strict.close();
    }
  });
});

describe('simulator lifecycle', () => {
  it('records every request with lower-cased headers and the parsed body; reset() clears it', async () => {
    await call('POST', `${snap()}?dryRun=1`, { body: { name: 'rec', imageName: 'ubuntu:22.04' }, headers: { 'X-Daytona-Source': 'test' } });
    await call('GET', snap('/rec'), { token: null });
    expect(sim.requests).toHaveLength(2);
    expect(sim.requests[0]).toMatchObject({
      method: 'POST', path: '/api/snapshots', query: { dryRun: '1' }, body: { name: 'rec', imageName: 'ubuntu:22.04' },
      headers: { authorization: 'Bearer dtn_test_token', 'x-daytona-source': 'test', 'content-type': 'application/json' },
    });
    expect(sim.requests[1]).toMatchObject({ method: 'GET', path: '/api/snapshots/rec', body: undefined });
    expect(sim.requests[1]?.headers).not.toHaveProperty('authorization');
    const log = sim.requests;
    sim.reset();
    expect(log).toHaveLength(0);
    expect((await call('GET', snap('/rec'))).status).toBe(404);
  });

  it('close() frees the port', async () => {
    const temp = await startSimulator();
    const port = Number(new URL(temp.url).port);
    await call('GET', `${temp.ociUrl}/instances/${STOPPED_INSTANCE_ID}`); // leaves a keep-alive socket
    await temp.close();
    await expect(fetch(`${temp.url}/api/snapshots`)).rejects.toThrow();
    const probe = createServer();
    await new Promise<void>((done, fail) => probe.once('error', fail).listen(port, '127.0.0.1', done));
    await new Promise<void>((done) => probe.close(() => done()));
  });
});

describe('seed workflows and their OpenAPI descriptions', () => {
  const root = resolve(import.meta.dirname, '../..');
  const workflows = [
    'workflows/daytona-io-build-and-activate-snapshot-workflow.yml',
    'workflows/daytona-io-image-to-running-sandbox-workflow.yml',
    'workflows/oracle-create-custom-image-from-instance-workflow.yml',
  ];

  it.each(['daytona-snapshots-api-openapi.yml', 'daytona-sandbox-api-openapi.yml', 'oci-compute-api-openapi.yml'])(
    'openapi/%s validates with swagger-parser',
    async (file) => {
      await expect(SwaggerParser.validate(resolve(root, 'openapi', file))).resolves.toBeTruthy();
    },
  );

  it.each(workflows)('%s parses and every operationId it uses exists in exactly one source', async (file) => {
    const path = resolve(root, file);
    const doc = parse(await readFile(path, 'utf8')) as SeedDoc;
    expect(doc.arazzo).toBe('1.0.1');
    const idsBySource = await Promise.all(
      doc.sourceDescriptions.map(async (s) => operationIds(resolve(dirname(path), s.url))),
    );
    const used = doc.workflows.flatMap((w) => w.steps.map((s) => s.operationId));
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect([id, idsBySource.filter((ids) => ids.has(id)).length]).toEqual([id, 1]);
  });
});

interface SeedDoc {
  arazzo: string;
  sourceDescriptions: Array<{ name: string; url: string }>;
  workflows: Array<{ steps: Array<{ operationId: string }> }>;
}

async function operationIds(openapiPath: string): Promise<Set<string>> {
  const api = (await SwaggerParser.parse(openapiPath)) as { paths?: Record<string, Record<string, unknown>> };
  const ids = new Set<string>();
  for (const item of Object.values(api.paths ?? {})) {
    for (const op of Object.values(item)) {
      const id = (op as { operationId?: unknown } | null)?.operationId;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}
