// Seed 000 (daytona-io-build-and-activate-snapshot-workflow.yml) through the library API against the
// simulator over real sockets: every branch issue 2 lists, asserting the RunResult and the requests
// the simulator received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { coerceInput, propertySchema } from '../../../src/inputs/coerce-inputs.js';
import { DEFAULT_API_TOKEN, startSimulator, type Simulator } from '../../support/simulator/index.js';
import { loadSeed, runSeed, SEEDS, stepPath } from './run-seed.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const servers = (): Record<string, string> => ({ snapshotsApi: sim.url });
const inputs = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ apiToken: DEFAULT_API_TOKEN, name, imageName: 'ubuntu:22.04', ...extra });

describe('issue 2 seed 000: snapshot already active ends by alreadyActive', () => {
  it('polls until active, ends by alreadyActive and nulls the output of the step that never ran', async () => {
    const { result, events } = await runSeed('snapshot', inputs('app-snap'), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'pollBuild', action: 'alreadyActive' });
    expect(result.error).toBeUndefined();
    const created = sim.requests[0]!;
    const id = (sim.requests[1]!.path.split('/').pop())!;
    expect(result.outputs).toEqual({ snapshotId: id, state: null });
    expect(stepPath(events)).toEqual(['createSnapshot', 'pollBuild', 'pollBuild', 'pollBuild']);

    const byId = Object.fromEntries(result.steps.map((s) => [s.stepId, s]));
    expect(byId.createSnapshot).toMatchObject({ status: 'succeeded', executions: 1, lastStatusCode: 200, outputs: { snapshotId: id, state: 'pending' } });
    expect(byId.pollBuild).toMatchObject({ status: 'succeeded', executions: 3, outputs: { state: 'active' } });
    expect(byId.activateSnapshot).toMatchObject({ status: 'skipped', executions: 0 });

    expect(result.warnings.map((w) => w.code)).toEqual(['output-step-not-run']);
    expect(result.warnings[0]!.message).toContain('activateSnapshot');
    expect(result.warnings[0]!.pointer).toBe('/workflows/0/outputs/state');

    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/snapshots',
      `GET /api/snapshots/${id}`,
      `GET /api/snapshots/${id}`,
      `GET /api/snapshots/${id}`,
    ]);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('issue 2 seed 000: snapshot lands inactive → goto activateSnapshot', () => {
  it('activates it with the id from createSnapshot and ends after the last step', async () => {
    const { result, events } = await runSeed('snapshot', inputs('demo-inactive-snap'), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toBeNull();
    expect(stepPath(events)).toEqual(['createSnapshot', 'pollBuild', 'pollBuild', 'pollBuild', 'activateSnapshot']);
    const id = result.outputs.snapshotId as string;
    expect(result.outputs).toEqual({ snapshotId: id, state: 'pending' });
    expect(result.warnings).toEqual([]);
    expect(sim.requests.at(-1)).toMatchObject({ method: 'POST', path: `/api/snapshots/${id}/activate` });
    expect(events.filter((e) => e.type === 'action').map((e) => e.type === 'action' && `${e.name}:${e.target ?? ''}`))
      .toEqual(['stillBuilding:pollBuild', 'stillBuilding:pollBuild', 'inactive:activateSnapshot']);
  });
});

describe('issue 2 seed 000: `end` through onSuccess (build_failed, error) is a succeeded run naming buildFailed', () => {
  it.each([
    ['build_failed', 'x-build-failed', 4],
    ['error', 'x-error', 4],
  ])('state %s ends by buildFailed with status succeeded', async (state, name, polls) => {
    const { result, events } = await runSeed('snapshot', inputs(name), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'pollBuild', action: 'buildFailed' });
    expect(result.outputs.state).toBeNull();
    expect(result.steps.find((s) => s.stepId === 'pollBuild')!.outputs).toEqual({ state });
    expect(stepPath(events)).toHaveLength(polls);
    expect(sim.requests.some((r) => r.path.endsWith('/activate'))).toBe(false);
  });
});

describe('issue 2 seed 000: slow build (polling: a step that goes to itself)', () => {
  it('polls six times, counting every execution against the step budget', async () => {
    const { result } = await runSeed('snapshot', inputs('slow-snap'), { servers: servers() });

    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'pollBuild', action: 'alreadyActive' });
    expect(result.steps.find((s) => s.stepId === 'pollBuild')).toMatchObject({ executions: 6, attempts: 6 });
    expect(sim.requests.filter((r) => r.method === 'GET')).toHaveLength(6);
  });

  it('a step budget smaller than the poll ends the run with max-steps-exceeded', async () => {
    const { result } = await runSeed('snapshot', inputs('slow-budget-snap'), { servers: servers(), maxSteps: 3 });

    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'max-steps-exceeded', stepId: 'pollBuild' });
    expect(sim.requests).toHaveLength(3);
  });
});

describe('issue 2 seed 000: optional inputs not given are left out of the body', () => {
  it('sends only name and imageName: no cpu/memory/disk keys, never null', async () => {
    await runSeed('snapshot', inputs('plain-snap'), { servers: servers() });

    const body = sim.requests[0]!.body as Record<string, unknown>;
    expect(body).toEqual({ name: 'plain-snap', imageName: 'ubuntu:22.04' });
    expect(Object.keys(body)).not.toContain('cpu');
    expect(sim.requests[0]!.headers['content-length']).toBe(String(JSON.stringify(body).length));
  });

  it('`cpu=2` typed by the inputs schema reaches the body as the number 2', async () => {
    const plan = await loadSeed('snapshot');
    const schema = plan.documents.get(plan.rootKey)!.workflows.get(SEEDS.snapshot.workflowId)!.inputsSchema;
    const cpu = coerceInput('cpu', '2', propertySchema(schema, 'cpu'));
    expect(cpu).toEqual({ ok: true, value: 2 });

    await runSeed('snapshot', inputs('cpu-snap', { cpu: cpu.ok ? cpu.value : undefined }), { servers: servers() });

    expect(sim.requests[0]!.body).toEqual({ name: 'cpu-snap', imageName: 'ubuntu:22.04', cpu: 2 });
  });
});

describe('issue 2 seed 000: bare expression in a string ("Bearer $inputs.apiToken")', () => {
  it('substitutes the token in the Authorization header of every request', async () => {
    await runSeed('snapshot', inputs('auth-snap'), { servers: servers() });

    expect(sim.requests.length).toBeGreaterThan(1);
    for (const request of sim.requests) expect(request.headers.authorization).toBe(`Bearer ${DEFAULT_API_TOKEN}`);
  });

  it('a bad token gets 401: the step fails, the run fails, nothing else is sent', async () => {
    const { result } = await runSeed('snapshot', inputs('bad-token-snap', { apiToken: 'wrong' }), { servers: servers() });

    expect(result.status).toBe('failed');
    expect(result.endedBy).toBeNull();
    expect(result.error).toMatchObject({ code: 'step-failed', stepId: 'createSnapshot', workflowId: SEEDS.snapshot.workflowId });
    expect(result.steps.find((s) => s.stepId === 'createSnapshot')).toMatchObject({ status: 'failed', lastStatusCode: 401 });
    expect(result.outputs).toEqual({ snapshotId: null, state: null });
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]!.headers.authorization).toBe('Bearer wrong');
  });
});
