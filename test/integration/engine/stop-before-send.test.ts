// Issue 15 (a worker that lost its job): the state is written before each request, and a run
// stopped while it is being written does not send that request. The CLI's path: driveRun with the
// real undici port, which (as in arazzo run) hears only the hard stop, so a request once begun ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveRun } from '../../../src/engine/drive-run.js';
import { startRun } from '../../../src/engine/run-workflow.js';
import { interruptOnlyOn } from '../../../src/cli/interruptible-http-port.js';
import { createUndiciHttpPort } from '../../../src/http/undici-http-port.js';
import { systemClock } from '../../../src/runtime/system-clock.js';
import { DEFAULT_API_TOKEN, startSimulator, type Simulator } from '../../support/simulator/index.js';
import { loadSeed, SEEDS } from '../seeds/run-seed.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

describe('a run stopped while its state is written before a request', () => {
  it('does not send that request and ends aborted at that step', async () => {
    const plan = await loadSeed('snapshot');
    const http = createUndiciHttpPort();
    const stop = new AbortController();
    let beforeSend = 0;
    try {
      const state = startRun(plan, SEEDS.snapshot.workflowId, { apiToken: DEFAULT_API_TOKEN, name: 'stop-inactive', imageName: 'ubuntu:22.04' }, { clock: systemClock });
      const driven = await driveRun(plan, state, { http: interruptOnlyOn(http, new AbortController().signal), clock: systemClock, pollIntervalMs: 0, servers: { snapshotsApi: sim.url }, signal: stop.signal }, {
        // The second request's pre-send state: the host stops the run as it writes it down.
        onState: (written) => {
          if (written.inFlight && ++beforeSend === 2) stop.abort();
        },
      });
      expect('result' in driven && driven.result.error).toMatchObject({ code: 'aborted', stepId: 'pollBuild' });
      expect(sim.requests.map((r) => r.method)).toEqual(['POST']);
    } finally {
      await http.close();
    }
  });
});
