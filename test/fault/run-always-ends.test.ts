/**
 * Issue 6 › "a run always ends with a result": an unexpected error in the middle of a run (here a
 * sink that throws, standing in for any bug) ends the run with error code internal-error, the
 * steps done so far and the outputs they produced — it never escapes as an exception.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../integration/http/start-loopback-server.js';
import { runFixture } from './support/run-fixture.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/hostile/faults/faults.arazzo.yaml', import.meta.url));

async function readyServer() {
  return startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"state":"ready"}');
  });
}

describe('Issue 6 › a run always ends with a result, also when a step throws', () => {
  it('a throw while the second step starts → internal-error at that step; the first step and its output are kept', async () => {
    const server = await readyServer();
    const heard: unknown[] = [];
    const { result } = await runFixture(FIXTURE, 'twoSteps', {
      server: server.url,
      run: { onInternalError: (error) => heard.push(error) },
      onEvent: (event) => {
        if (event.type === 'step-start' && event.stepId === 'second') throw new TypeError('boom in a sink');
      },
    });
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'internal-error', stepId: 'second', workflowId: 'twoSteps' });
    expect(result.steps.map((s) => [s.stepId, s.status])).toEqual([['first', 'succeeded'], ['second', 'failed']]);
    expect(result.outputs).toEqual({ first: 'ready' });
    expect(server.seen).toHaveLength(1);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toBeInstanceOf(TypeError);
  });

  it('a throw after the response (at step-end) keeps the step\'s own outcome (succeeded: its criteria passed), names it in the internal-error, and sends nothing more', async () => {
    const server = await readyServer();
    const { result } = await runFixture(FIXTURE, 'twoSteps', {
      server: server.url,
      onEvent: (event) => {
        if (event.type === 'step-end' && event.stepId === 'first') throw new Error('boom after the response');
      },
    });
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'internal-error', stepId: 'first', workflowId: 'twoSteps' });
    expect(result.steps.map((s) => [s.stepId, s.status])).toEqual([['first', 'succeeded'], ['second', 'skipped']]);
    expect(server.seen).toHaveLength(1);
  });

  it('a hook that throws too does not stop the result from being built', async () => {
    const server = await readyServer();
    const { result } = await runFixture(FIXTURE, 'twoSteps', {
      server: server.url,
      run: { onInternalError: () => { throw new Error('the hook is broken as well'); } },
      onEvent: (event) => {
        if (event.type === 'request') throw new Error('boom before sending');
      },
    });
    expect(result.error?.code).toBe('internal-error');
    expect(server.seen).toHaveLength(0);
    expect(result.steps.map((s) => [s.stepId, s.status])).toEqual([['first', 'failed'], ['second', 'skipped']]);
  });

  it('the result is JSON-serialisable (what --json prints)', async () => {
    const server = await readyServer();
    const { result } = await runFixture(FIXTURE, 'twoSteps', {
      server: server.url,
      onEvent: (event) => {
        if (event.type === 'step-start' && event.stepId === 'second') throw new Error('boom');
      },
    });
    const json = JSON.parse(JSON.stringify(result)) as { error: { code: string }; steps: unknown[] };
    expect(json.error.code).toBe('internal-error');
    expect(json.steps).toHaveLength(2);
  });
});
