// Seed 002 (oracle-create-custom-image-from-instance-workflow.yml) through the library API against the
// simulator: STOPPED → image → AVAILABLE, RUNNING → notStopped, and the optional authToken header.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  COMPARTMENT_ID, RUNNING_INSTANCE_ID, STOPPED_INSTANCE_ID, startSimulator, type Simulator,
} from '../../support/simulator/index.js';
import { runSeed, stepPath } from './run-seed.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const servers = (): Record<string, string> => ({ ociComputeApi: sim.url });
const inputs = (instanceId: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ compartmentId: COMPARTMENT_ID, instanceId, displayName: 'golden-image', ...extra });

describe('issue 2 seed 002: STOPPED instance → createImage → poll until AVAILABLE', () => {
  it('keeps the /20160918 base path and ends by imageReady', async () => {
    const { result, events } = await runSeed('oci', inputs(STOPPED_INSTANCE_ID), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'pollImage', action: 'imageReady' });
    expect(stepPath(events)).toEqual(['readInstance', 'createImage', 'pollImage', 'pollImage', 'pollImage']);
    const imageId = result.outputs.imageId as string;
    expect(imageId).toMatch(/^ocid1\.image\./);
    expect(result.outputs).toEqual({ imageId, lifecycleState: 'AVAILABLE' });

    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /20160918/instances/${STOPPED_INSTANCE_ID}`,
      'POST /20160918/images',
      ...Array(3).fill(`GET /20160918/images/${imageId}`),
    ]);
    expect(sim.requests[1]!.body).toEqual({ compartmentId: COMPARTMENT_ID, displayName: 'golden-image', instanceId: STOPPED_INSTANCE_ID });
  });
});

describe('issue 2 seed 002: slow image (many polls)', () => {
  it('polls getImage six times while PROVISIONING, then ends by imageReady', async () => {
    const { result, events } = await runSeed('oci', inputs(STOPPED_INSTANCE_ID, { displayName: 'slow-golden-image' }), { servers: servers() });

    expect(result.endedBy).toEqual({ stepId: 'pollImage', action: 'imageReady' });
    expect(result.steps.find((s) => s.stepId === 'pollImage')).toMatchObject({ executions: 6, outputs: { lifecycleState: 'AVAILABLE' } });
    expect(events.filter((e) => e.type === 'action' && e.name === 'keepPolling')).toHaveLength(5);
  });
});

describe('issue 2 seed 002: optional authToken', () => {
  it('absent: no Authorization header is sent at all (not empty, not "undefined")', async () => {
    const { result } = await runSeed('oci', inputs(STOPPED_INSTANCE_ID), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(sim.requests).toHaveLength(5);
    for (const request of sim.requests) expect(request.headers).not.toHaveProperty('authorization');
  });

  it('present: sent as is on every request', async () => {
    const token = 'Signature version="1",keyId="ocid1.tenancy/abc",algorithm="rsa-sha256",signature="c2ln"';
    const { result } = await runSeed('oci', inputs(STOPPED_INSTANCE_ID, { authToken: token }), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(sim.requests).toHaveLength(5);
    for (const request of sim.requests) expect(request.headers.authorization).toBe(token);
  });
});

describe('issue 2 seed 002: RUNNING instance ends by notStopped (onSuccess end → succeeded)', () => {
  it('reads the instance once and sends nothing else', async () => {
    const { result } = await runSeed('oci', inputs(RUNNING_INSTANCE_ID), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'readInstance', action: 'notStopped' });
    expect(result.outputs).toEqual({ imageId: null, lifecycleState: null });
    // The seed's optional authToken is left out, so the OCI signature scheme is unfilled (issue 13).
    expect(result.warnings.map((w) => w.code)).toEqual(['credentials-missing', 'output-step-not-run', 'output-step-not-run']);
    expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/createImage[\s\S]*pollImage/);
    expect(result.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['readInstance', 'succeeded'],
      ['createImage', 'skipped'],
      ['pollImage', 'skipped'],
    ]);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /20160918/instances/${RUNNING_INSTANCE_ID}`]);
  });
});

describe('issue 2 seed 002: unknown instance', () => {
  it('404 fails readInstance: status failed, code step-failed', async () => {
    const { result } = await runSeed('oci', inputs('ocid1.instance.oc1.iad.doesnotexist'), { servers: servers() });

    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'step-failed', stepId: 'readInstance' });
    expect(result.steps[0]).toMatchObject({ lastStatusCode: 404 });
  });
});
