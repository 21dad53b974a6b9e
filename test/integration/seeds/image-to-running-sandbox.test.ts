// Seed 001 (daytona-io-image-to-running-sandbox-workflow.yml) through the library API against the
// simulator: two source descriptions on one server, snapshot build, sandbox start or error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_API_TOKEN, startSimulator, type Simulator } from '../../support/simulator/index.js';
import { runSeed, stepPath } from './run-seed.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const servers = (): Record<string, string> => ({ snapshotsApi: sim.url, sandboxApi: sim.url });
const inputs = (snapshotName: string): Record<string, unknown> =>
  ({ apiToken: DEFAULT_API_TOKEN, snapshotName, imageName: 'python:3.12-slim' });

describe('issue 2 seed 001: image → active snapshot → started sandbox', () => {
  it('creates the sandbox from the snapshot name and ends by running', async () => {
    const { result, events } = await runSeed('sandbox', inputs('py-snap'), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'pollSandbox', action: 'running' });
    expect(stepPath(events)).toEqual(['createSnapshot', 'pollBuild', 'pollBuild', 'pollBuild', 'createSandbox', 'pollSandbox', 'pollSandbox']);
    const { snapshotId, sandboxId } = result.outputs as { snapshotId: string; sandboxId: string };
    expect(result.outputs).toEqual({ snapshotId, sandboxId, sandboxState: 'started' });
    expect(result.warnings).toEqual([]);

    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/snapshots',
      ...Array(3).fill(`GET /api/snapshots/${snapshotId}`),
      'POST /api/sandbox',
      ...Array(2).fill(`GET /api/sandbox/${sandboxId}`),
    ]);
    expect(sim.requests[0]!.body).toEqual({ name: 'py-snap', imageName: 'python:3.12-slim' });
    expect(sim.requests[4]!.body).toEqual({ snapshot: 'py-snap' });
    for (const request of sim.requests) expect(request.headers.authorization).toBe(`Bearer ${DEFAULT_API_TOKEN}`);
  });
});

describe('issue 2 seed 001: sandbox error ends by the `failed` end action (onSuccess → succeeded run)', () => {
  it('reports sandboxState error and names pollSandbox/failed', async () => {
    const { result } = await runSeed('sandbox', inputs('py-sandbox-error'), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'pollSandbox', action: 'failed' });
    expect(result.outputs.sandboxState).toBe('error');
    expect(result.steps.find((s) => s.stepId === 'pollSandbox')).toMatchObject({ status: 'succeeded', executions: 2 });
  });
});

describe('issue 2 seed 001: build_failed ends before any sandbox is created', () => {
  it('ends by buildFailed; sandbox outputs are null with a warning per step not run', async () => {
    const { result } = await runSeed('sandbox', inputs('py-build-failed'), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'pollBuild', action: 'buildFailed' });
    expect(result.outputs).toMatchObject({ sandboxId: null, sandboxState: null });
    expect(result.warnings.map((w) => [w.code, w.pointer])).toEqual([
      ['output-step-not-run', '/workflows/0/outputs/sandboxId'],
      ['output-step-not-run', '/workflows/0/outputs/sandboxState'],
    ]);
    expect(sim.requests.some((r) => r.path.startsWith('/api/sandbox'))).toBe(false);
  });
});

describe('issue 2 seed 001: bad token', () => {
  it('fails at createSnapshot with step-failed after one 401', async () => {
    const { result } = await runSeed('sandbox', { ...inputs('py-401'), apiToken: 'nope' }, { servers: servers() });

    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'step-failed', stepId: 'createSnapshot' });
    expect(sim.requests).toHaveLength(1);
  });
});
