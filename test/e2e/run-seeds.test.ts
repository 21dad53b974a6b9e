// Issue 2 "The CLI contract": `node bin/arazzo.js run <seed>` against the simulator — the --json
// shape, exit codes 0/1, typed inputs, --server keeping the base path, and what the simulator received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireCliBuilt, parseJsonStdout, runCli } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import {
  COMPARTMENT_ID, DEFAULT_API_TOKEN, RUNNING_INSTANCE_ID, STOPPED_INSTANCE_ID, startSimulator, type Simulator,
} from '../support/simulator/index.js';

const SNAPSHOT_SEED = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const SANDBOX_SEED = 'workflows/daytona-io-image-to-running-sandbox-workflow.yml';
const OCI_SEED = 'workflows/oracle-create-custom-image-from-instance-workflow.yml';

let sim: Simulator;
beforeAll(async () => {
  requireCliBuilt();
  sim = await startSimulator();
});
afterAll(() => sim?.close());
beforeEach(() => sim.reset());

const fast = ['--poll-interval', '0'];
const snapshotArgs = (name: string, ...extra: string[]): string[] => [
  'run', SNAPSHOT_SEED, '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', `name=${name}`, '--input', 'imageName=ubuntu:22.04',
  '--server', `snapshotsApi=${sim.url}`, ...fast, ...extra,
];

describe('issue 2 CLI contract: --json prints exactly one JSON object', () => {
  it('seed 000 succeeds: exit 0 and {workflowId, status, outputs, endedBy, steps}', async () => {
    const run = await runCli(snapshotArgs('e2e-active', '--json'));

    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonStdout(run);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['workflowId', 'status', 'outputs', 'endedBy', 'steps']));
    expect(json).toMatchObject({
      workflowId: 'build-and-activate-snapshot',
      status: 'succeeded',
      endedBy: { stepId: 'pollBuild', action: 'alreadyActive' },
      outputs: { snapshotId: expect.any(String), state: null },
    });
    expect((json.steps as Array<{ stepId: string; status: string }>).map((s) => [s.stepId, s.status])).toEqual([
      ['createSnapshot', 'succeeded'], ['pollBuild', 'succeeded'], ['activateSnapshot', 'skipped'],
    ]);
    expect(sim.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
  });

  it('without --json, stdout is the outputs object alone', async () => {
    const run = await runCliInProcess(snapshotArgs('demo-inactive-e2e'));

    expect(run.code, run.stderr).toBe(0);
    const outputs = parseJsonStdout(run);
    expect(outputs).toEqual({ snapshotId: expect.any(String), state: 'pending' });
    expect(run.stderr).toContain('activateSnapshot');
  });
});

describe('issue 2 "Optional inputs": --input cpu=2 is typed by the inputs schema', () => {
  it('the body gets the number 2 and no memory/disk keys', async () => {
    const run = await runCliInProcess(snapshotArgs('e2e-cpu', '--input', 'cpu=2'));

    expect(run.code, run.stderr).toBe(0);
    expect(sim.requests[0]!.body).toEqual({ name: 'e2e-cpu', imageName: 'ubuntu:22.04', cpu: 2 });
  });

  it('--input cpu=two is an input error: exit 2, nothing sent', async () => {
    const run = await runCliInProcess(snapshotArgs('e2e-cpu-bad', '--input', 'cpu=two', '--json'));

    expect(run.code, run.stderr).toBe(2);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('issue 2 exit codes: a failed workflow is exit 1', () => {
  it('a bad token: 401 at createSnapshot, --json status failed with error code step-failed', async () => {
    const args = snapshotArgs('e2e-401', '--json');
    args[args.indexOf(`apiToken=${DEFAULT_API_TOKEN}`)] = 'apiToken=wrong-token';
    const run = await runCliInProcess(args);

    expect(run.code, run.stderr).toBe(1);
    const json = parseJsonStdout(run);
    expect(json).toMatchObject({ status: 'failed', endedBy: null, error: { code: 'step-failed', stepId: 'createSnapshot' } });
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]!.headers.authorization).toBe('Bearer wrong-token');
  });
});

describe('issue 2 --server name=url keeps the declared base path', () => {
  it('seed 001 over two sources reaches /api/snapshots and /api/sandbox', async () => {
    const run = await runCliInProcess([
      'run', SANDBOX_SEED, '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', 'snapshotName=e2e-sandbox-error', '--input', 'imageName=python:3.12-slim',
      '--server', `snapshotsApi=${sim.url}`, '--server', `sandboxApi=${sim.url}`, ...fast, '--json',
    ]);

    expect(run.code, run.stderr).toBe(0);
    expect(parseJsonStdout(run)).toMatchObject({ status: 'succeeded', endedBy: { stepId: 'pollSandbox', action: 'failed' }, outputs: { sandboxState: 'error' } });
    expect(new Set(sim.requests.map((r) => r.path.split('/').slice(0, 3).join('/')))).toEqual(new Set(['/api/snapshots', '/api/sandbox']));
  });

  it('seed 002: --server ociComputeApi=<origin> keeps /20160918; no authToken → no Authorization', async () => {
    const run = await runCliInProcess([
      'run', OCI_SEED, '--input', `compartmentId=${COMPARTMENT_ID}`, '--input', `instanceId=${STOPPED_INSTANCE_ID}`, '--input', 'displayName=e2e-image',
      '--server', `ociComputeApi=${sim.url}`, '--server-variable', 'region=eu-frankfurt-1', ...fast, '--json',
    ]);

    expect(run.code, run.stderr).toBe(0);
    expect(parseJsonStdout(run)).toMatchObject({ status: 'succeeded', endedBy: { stepId: 'pollImage', action: 'imageReady' }, outputs: { lifecycleState: 'AVAILABLE' } });
    expect(sim.requests.every((r) => r.path.startsWith('/20160918/'))).toBe(true);
    expect(sim.requests.some((r) => 'authorization' in r.headers)).toBe(false);
  });

  it('seed 002 RUNNING instance: ends by notStopped, exit 0, one request', async () => {
    const run = await runCliInProcess([
      'run', OCI_SEED, '--input', `compartmentId=${COMPARTMENT_ID}`, '--input', `instanceId=${RUNNING_INSTANCE_ID}`, '--input', 'displayName=e2e-image',
      '--input', 'authToken=Bearer oci-token', '--server', `ociComputeApi=${sim.url}`, ...fast, '--json',
    ]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonStdout(run);
    expect(json).toMatchObject({ status: 'succeeded', endedBy: { stepId: 'readInstance', action: 'notStopped' }, outputs: { imageId: null, lifecycleState: null } });
    expect((json.warnings as Array<{ code: string }>).map((w) => w.code)).toEqual(['output-step-not-run', 'output-step-not-run']);
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]!.headers.authorization).toBe('Bearer oci-token');
  });
});

describe('issue 2 exit 2: missing required input sends nothing', () => {
  it('no imageName: exit 2, the simulator received zero requests', async () => {
    const run = await runCliInProcess(['run', SNAPSHOT_SEED, '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', 'name=e2e-missing', '--server', `snapshotsApi=${sim.url}`, '--json']);

    expect(run.code, run.stderr).toBe(2);
    const json = parseJsonStdout(run) as { status: string; diagnostics: Array<{ code: string; pointer: string }> };
    expect(json.status).toBe('invalid');
    expect(json.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['input-missing', '/workflows/0/inputs/properties/imageName']]);
    expect(sim.requests).toHaveLength(0);
  });
});
