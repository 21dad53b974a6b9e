// Issue 2 "Exit codes ... 2 usage, document or input error — and then no HTTP request has been sent":
// broken documents and bad usage against a recording loopback server (fixtures in test/fixtures/).
import { describe, expect, it } from 'vitest';
import { routeRequests, useLoopbackServer } from '../support/loopback-server.js';
import { parseJsonStdout } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const jobs = useLoopbackServer(routeRequests({ 'GET /api/jobs/{id}': (_request, { id }) => ({ body: { id, state: 'done' } }) }));

const fixture = (scenario: string): string => `test/fixtures/${scenario}/workflow.arazzo.yaml`;
const run = (scenario: string, ...extra: string[]): ReturnType<typeof runCliInProcess> =>
  runCliInProcess(['run', fixture(scenario), '--input', 'jobId=j1', '--server', `jobsApi=${jobs.server.url}`, '--poll-interval', '0', ...extra]);

interface InvalidJson {
  status: string;
  diagnostics: Array<{ code: string; line: number | null; file: string | null }>;
}

describe('issue 2 exit 2: malformed YAML names its line', () => {
  it('stderr has file:line of the YAML error; nothing sent', async () => {
    const result = await run('malformed-yaml');

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/test\/fixtures\/malformed-yaml\/workflow\.arazzo\.yaml:1[34]:\d+ error yaml-syntax/);
    expect(result.stderr).not.toContain('document-not-object');
    expect(jobs.server.requests).toHaveLength(0);
  });
});

describe('issue 2 exit 2: a goto to a step that does not exist (spec: Success Action Object stepId)', () => {
  it('--json reports action-target-not-found at the goto line; nothing sent', async () => {
    const result = await run('goto-missing-step', '--json');

    expect(result.code, result.stderr).toBe(2);
    const json = parseJsonStdout(result) as unknown as InvalidJson;
    expect(json.status).toBe('invalid');
    expect(json.diagnostics.map((d) => [d.code, d.line])).toEqual([['action-target-not-found', 37]]);
    expect(jobs.server.requests).toHaveLength(0);
  });
});

describe('issue 2 exit 2: an unknown operationId (spec: Step Object operationId)', () => {
  it('reports operation-not-found at the step line; nothing sent', async () => {
    const result = await run('unknown-operation-id', '--json');

    expect(result.code, result.stderr).toBe(2);
    const json = parseJsonStdout(result) as unknown as InvalidJson;
    expect(json.diagnostics.map((d) => [d.code, d.line])).toEqual([['operation-not-found', 21]]);
    expect(result.stderr).toMatch(/unknown-operation-id\/workflow\.arazzo\.yaml:21:\d+ error operation-not-found/);
    expect(jobs.server.requests).toHaveLength(0);
  });
});

describe('issue 2 --workflow: optional with one workflow, required with several', () => {
  it('one workflow: runs without --workflow', async () => {
    const result = await run('runaway-poll', '--json');

    expect(result.code, result.stderr).toBe(0);
    expect(parseJsonStdout(result)).toMatchObject({ workflowId: 'wait-for-job', status: 'succeeded', endedBy: { stepId: 'pollJob', action: 'done' } });
    expect(jobs.server.requests.map((r) => r.path)).toEqual(['/api/jobs/j1']);
  });

  it('two workflows and no --workflow: exit 2, nothing sent', async () => {
    const result = await run('two-workflows');

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('--workflow');
    expect(jobs.server.requests).toHaveLength(0);
  });

  it('two workflows, --workflow picks one', async () => {
    const result = await run('two-workflows', '--workflow', 'read-second-job', '--json');

    expect(result.code, result.stderr).toBe(0);
    expect(parseJsonStdout(result)).toMatchObject({ workflowId: 'read-second-job', status: 'succeeded', outputs: { state: 'done' } });
    expect(jobs.server.requests.map((r) => r.path)).toEqual(['/api/jobs/second']);
  });

  it('an unknown --workflow: exit 2, nothing sent', async () => {
    const result = await run('runaway-poll', '--workflow', 'no-such-workflow');

    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('no-such-workflow');
    expect(jobs.server.requests).toHaveLength(0);
  });
});

describe('issue 2 exit 2: usage errors', () => {
  it('a file that does not exist', async () => {
    const result = await runCliInProcess(['run', 'test/fixtures/no-such-dir/workflow.arazzo.yaml', '--json']);

    expect(result.code, result.stderr).toBe(2);
    expect((parseJsonStdout(result) as unknown as InvalidJson).diagnostics).toHaveLength(1);
  });

  it('an unknown option and a bad duration', async () => {
    expect((await run('runaway-poll', '--no-such-option')).code).toBe(2);
    expect((await run('runaway-poll', '--poll-interval', 'soon')).code).toBe(2);
    expect(jobs.server.requests).toHaveLength(0);
  });

  it('--server naming a source that does not exist', async () => {
    const result = await run('runaway-poll', '--server', 'nope=http://127.0.0.1:9', '--json');

    expect(result.code, result.stderr).toBe(2);
    expect((parseJsonStdout(result) as unknown as InvalidJson).diagnostics.map((d) => d.code)).toEqual(['server-unknown-source']);
    expect(jobs.server.requests).toHaveLength(0);
  });
});
