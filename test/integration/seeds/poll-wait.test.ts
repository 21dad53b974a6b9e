// Issue 2 "Polling": a step that goes to itself waits --poll-interval between iterations, and a
// Retry-After response header overrules it. Measured through the `wait` events and a virtual clock
// (no wall-clock timing); HTTP is real (simulator / loopback server, undici port).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine/events.js';
import { replyInOrder, routeRequests, startLoopbackServer } from '../../support/loopback-server.js';
import { DEFAULT_API_TOKEN, startSimulator, type Simulator } from '../../support/simulator/index.js';
import { createSteppingClock } from '../../support/stepping-clock.js';
import { runSeed } from './run-seed.js';

const waits = (events: readonly RunEvent[]): Array<Pick<Extract<RunEvent, { type: 'wait' }>, 'stepId' | 'ms' | 'reason'>> =>
  events.flatMap((e) => (e.type === 'wait' ? [{ stepId: e.stepId, ms: e.ms, reason: e.reason }] : []));

const inputs = (name: string): Record<string, unknown> => ({ apiToken: DEFAULT_API_TOKEN, name, imageName: 'ubuntu:22.04' });

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('issue 2 polling: --poll-interval between iterations of a self-goto', () => {
  it('waits the interval before each repeat of pollBuild and never before a goto elsewhere', async () => {
    const clock = createSteppingClock();
    const { result, events } = await runSeed('snapshot', inputs('demo-inactive-wait'), { servers: { snapshotsApi: sim.url }, pollIntervalMs: 1500, clock });

    expect(result.status).toBe('succeeded');
    expect(waits(events)).toEqual([
      { stepId: 'pollBuild', ms: 1500, reason: 'poll' },
      { stepId: 'pollBuild', ms: 1500, reason: 'poll' },
    ]);
    expect(clock.sleeps).toEqual([1500, 1500]);
    expect(result.durationMs).toBe(3000);
  });

  it('--poll-interval 0 polls without waiting', async () => {
    const clock = createSteppingClock();
    const { events } = await runSeed('snapshot', inputs('slow-no-wait'), { servers: { snapshotsApi: sim.url }, pollIntervalMs: 0, clock });

    expect(waits(events)).toEqual([]);
    expect(clock.sleeps).toEqual([]);
  });

  it('--timeout ends a poll that outlives it with code timeout', async () => {
    const clock = createSteppingClock();
    const { result } = await runSeed('snapshot', inputs('slow-timeout'), { servers: { snapshotsApi: sim.url }, pollIntervalMs: 1000, timeoutMs: 2500, clock });

    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'timeout', stepId: 'pollBuild' });
    expect(clock.sleeps).toEqual([1000, 1000, 500]);
  });
});

describe('issue 2 polling: a Retry-After response header overrules --poll-interval', () => {
  it('waits Retry-After seconds after the response that carries it', async () => {
    const id = '5b1f3c5e-3a7d-4c7e-9a43-0c1f4c2b9e10';
    const server = await startLoopbackServer(routeRequests({
      'POST /api/snapshots': { body: { id, name: 'x', state: 'pending' } },
      'GET /api/snapshots/{id}': replyInOrder(
        { headers: { 'retry-after': '7' }, body: { id, state: 'pulling' } },
        { body: { id, state: 'pulling' } },
        { body: { id, state: 'active' } },
      ),
    }));
    const clock = createSteppingClock();
    const { result, events } = await runSeed('snapshot', inputs('x'), { servers: { snapshotsApi: server.url }, pollIntervalMs: 1500, clock });

    expect(result.endedBy).toEqual({ stepId: 'pollBuild', action: 'alreadyActive' });
    expect(waits(events).map((w) => w.ms)).toEqual([7000, 1500]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/snapshots', `GET /api/snapshots/${id}`, `GET /api/snapshots/${id}`, `GET /api/snapshots/${id}`,
    ]);
  });
});
