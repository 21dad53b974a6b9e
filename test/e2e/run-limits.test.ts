// Issue 2 "Polling": --max-steps and --timeout end a runaway poll with a clear code and exit 1.
// The loopback job never finishes, so only the limits can stop the run.
import { describe, expect, it } from 'vitest';
import { routeRequests, useLoopbackServer } from '../support/loopback-server.js';
import { parseJsonStdout } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const jobs = useLoopbackServer(routeRequests({ 'GET /api/jobs/{id}': (_request, { id }) => ({ body: { id, state: 'running' } }) }));

const runaway = (...extra: string[]): ReturnType<typeof runCliInProcess> =>
  runCliInProcess(['run', 'test/fixtures/runaway-poll/workflow.arazzo.yaml', '--input', 'jobId=j9', '--server', `jobsApi=${jobs.server.url}`, '--json', ...extra]);

describe('issue 2 polling: --max-steps trips a runaway poll', () => {
  it('exit 1, error code max-steps-exceeded, exactly max-steps requests sent', async () => {
    const result = await runaway('--poll-interval', '0', '--max-steps', '5');

    expect(result.code, result.stderr).toBe(1);
    const json = parseJsonStdout(result);
    expect(json).toMatchObject({ status: 'failed', endedBy: null, error: { code: 'max-steps-exceeded', stepId: 'pollJob' }, outputs: { state: 'running' } });
    expect(json.steps).toEqual([expect.objectContaining({ stepId: 'pollJob', executions: 5 })]);
    expect(jobs.server.requests).toHaveLength(5);
    expect(result.stderr).toContain('max-steps');
  });
});

describe('issue 2 polling: --timeout ends the run', () => {
  it('exit 1, error code timeout', async () => {
    // The poll interval is far longer than the timeout: the run sleeps until the deadline, then stops.
    const result = await runaway('--poll-interval', '1m', '--timeout', '300ms');

    expect(result.code, result.stderr).toBe(1);
    expect(parseJsonStdout(result)).toMatchObject({ status: 'failed', error: { code: 'timeout', stepId: 'pollJob' } });
    expect(jobs.server.requests).toHaveLength(1);
  });

  it('a request still in flight at the deadline ends the run with timeout too, not request-failed', async () => {
    jobs.server.setHandler(() => new Promise(() => undefined)); // never answers
    const result = await runaway('--poll-interval', '0', '--timeout', '150ms');

    expect(result.code, result.stderr).toBe(1);
    const json = parseJsonStdout(result);
    expect(json).toMatchObject({ status: 'failed', error: { code: 'timeout', stepId: 'pollJob' } });
    expect(json.steps).toEqual([expect.objectContaining({ stepId: 'pollJob', status: 'failed', executions: 1 })]);
    expect(jobs.server.requests).toHaveLength(1);
  });
});
