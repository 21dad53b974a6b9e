// A run stopped while its state is written before a request (a queue worker's cancel or lost lock,
// seen at the checkpoint): through the CLI's own path, the request is not sent, the run ends
// aborted, and its result is still printed — the reports do not trip over a step with no request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { repoRoot } from '../support/run-cli.js';
import { startSimulator, type Simulator } from '../support/simulator/index.js';

const SEED = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const TOKEN = 'dtn_stop_before_send_token';

let simulator: Simulator;
let dir: string;
beforeAll(async () => {
  simulator = await startSimulator({ apiToken: TOKEN });
  dir = mkdtempSync(path.join(tmpdir(), 'arazzo-stop-before-send-'));
});
afterAll(async () => {
  await simulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a run stopped at the checkpoint before a request', () => {
  it('sends nothing more, ends aborted and still prints its --json result', async () => {
    const stop = new AbortController();
    let beforeSend = 0;
    let stdout = '';
    let stderr = '';
    const code = await main(['run', SEED, '--json', '--poll-interval', '0', '--state-file', path.join(dir, 'run.json'), '--input', 'name=stop-slow-inactive', '--input', 'imageName=ubuntu:22.04', '--server', `snapshotsApi=${simulator.url}`], {
      stdout: { write: (text: string) => (stdout += text), isTTY: false },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      env: { NO_COLOR: '1', ARAZZO_INPUT_APITOKEN: TOKEN },
      cwd: repoRoot,
      signal: stop.signal,
      host: {
        // The second request's pre-send state: stopped as it is written down.
        checkpoint: async (text) => {
          if ((JSON.parse(text) as { state: { inFlight?: unknown } }).state.inFlight && ++beforeSend === 2) stop.abort();
        },
      },
    });
    expect(simulator.requests.map((r) => r.method)).toEqual(['POST']);
    expect(stdout, stderr).not.toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ status: 'failed', error: { code: 'aborted', stepId: 'pollBuild' } });
    expect(code).toBe(130);
  });
});
