// Issue 12 item 15: several workflows in one call — `arazzo run file.yml --all` and several
// files — each reported; the exit code is the worst; --json is {status, runs: [...]} (one run
// keeps the single-run object).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeRequests, useLoopbackServer } from '../support/loopback-server.js';
import { requireCliBuilt, runCli } from '../support/run-cli.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

beforeAll(requireCliBuilt);
const dir = useTempDir();
const jobs = useLoopbackServer(routeRequests({ 'GET /api/jobs/{id}': (_request, { id }) => ({ body: { id, state: `${id}-done` } }) }));
const echo = useLoopbackServer(echoRoutes({ 'GET /echo/status/{state}': (_request, { state }) => ({ body: { state } }) }));
const TWO = 'test/fixtures/two-workflows/workflow.arazzo.yaml';
const runJobs = (...extra: string[]): ReturnType<typeof runCli> => runCli(['run', TWO, '--no-config', '--server', `jobsApi=${jobs.server.url}`, ...extra], { env: QUIET_ENV });

interface ManyJson {
  status: string;
  runs: Array<{ file: string; workflowId: string; status: string; outputs: Record<string, unknown>; steps?: unknown[]; diagnostics?: Array<{ code: string }> }>;
}

describe('issue 12 item 15: run --all', () => {
  it('runs every workflow of the file in document order; --json lists each full result', async () => {
    const result = await runJobs('--all', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as ManyJson;
    expect(json.status).toBe('succeeded');
    expect(json.runs.map((r) => [r.file, r.workflowId, r.status])).toEqual([[TWO, 'read-first-job', 'succeeded'], [TWO, 'read-second-job', 'succeeded']]);
    expect(json.runs.map((r) => r.outputs)).toEqual([{ state: 'first-done' }, { state: 'second-done' }]);
    expect(json.runs[0]!.steps).toHaveLength(1);
    expect(jobs.server.requests.map((r) => r.path)).toEqual(['/api/jobs/first', '/api/jobs/second']);
    expect(result.stderr).toMatch(/── .*workflow\.arazzo\.yaml · read-first-job \(1\/2\)[\s\S]*── .*workflow\.arazzo\.yaml · read-second-job \(2\/2\)/);
  });

  it('without --json stdout holds each run\'s outputs; each run writes its own reports', async () => {
    const junit = path.join(dir(), 'reports', 'arazzo.xml');
    const result = await runJobs('--all', '--report', `junit=${junit}`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'succeeded',
      runs: [
        { file: TWO, workflowId: 'read-first-job', status: 'succeeded', outputs: { state: 'first-done' } },
        { file: TWO, workflowId: 'read-second-job', status: 'succeeded', outputs: { state: 'second-done' } },
      ],
    });
    expect(existsSync(junit)).toBe(false);
    expect(readFileSync(path.join(dir(), 'reports', 'arazzo.read-first-job.xml'), 'utf8')).toContain('<testsuite name="read-first-job"');
    expect(readFileSync(path.join(dir(), 'reports', 'arazzo.read-second-job.xml'), 'utf8')).toContain('<testsuite name="read-second-job"');
  });

  it('one run keeps the single-run shape', async () => {
    const result = await runJobs('--workflow', 'read-second-job', '--json');
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json.workflowId).toBe('read-second-job');
    expect(json).not.toHaveProperty('runs');
  });
});

describe('issue 12 item 15: several files', () => {
  const files = [echoFixture('poll.arazzo.yml'), echoFixture('sign-in.arazzo.yml')];
  const both = (...extra: string[]): ReturnType<typeof runCli> =>
    runCli(['run', ...files, '--no-config', '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0', '--input', 'apiToken=abcdef', ...extra], { env: QUIET_ENV });

  it('each file runs and is reported; the exit code is the worst', async () => {
    const result = await both('--input', 'state=failed', '--json');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as ManyJson;
    expect(json.status).toBe('failed');
    expect(json.runs.map((r) => [r.workflowId, r.status])).toEqual([['poll', 'failed'], ['signIn', 'succeeded']]);
    expect(echo.server.requests.map((r) => r.path)).toEqual(['/echo/status/failed', '/echo/echo']);
    const ok = await both('--input', 'state=done');
    expect(ok.code).toBe(0);
  });

  it('a file with several workflows and neither --all nor --workflow: exit 2 before anything is sent', async () => {
    const result = await runCli(['run', ...files, 'test/fixtures/two-workflows/workflow.arazzo.yaml', '--no-config', '--server', `echoApi=${echo.server.url}/echo`, '--json'], { env: QUIET_ENV });
    expect(result.code).toBe(2);
    expect(echo.server.requests).toHaveLength(0);
    expect(result.stderr).toContain('choose one with --workflow');
    // The other problem (sign-in's missing apiToken) is listed too, and stdout is still one JSON document.
    expect(result.stderr).toContain('input-missing');
    const json = JSON.parse(result.stdout) as { status: string; runs: Array<{ file: string; status: string }> };
    expect(json.status).toBe('invalid');
    expect(json.runs.map((r) => r.file)).toEqual([files[1], 'test/fixtures/two-workflows/workflow.arazzo.yaml']);
  });

  it('a missing input in one of the runs: exit 2, {status: invalid}, nothing sent', async () => {
    const result = await runCli(['run', ...files, '--no-config', '--server', `echoApi=${echo.server.url}/echo`, '--json'], { env: QUIET_ENV });
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as ManyJson;
    expect(json.status).toBe('invalid');
    expect(json.runs.map((r) => [r.workflowId, r.status])).toEqual([['signIn', 'invalid']]);
    expect(json.runs[0]!.diagnostics?.map((d) => d.code)).toContain('input-missing');
    expect(echo.server.requests).toHaveLength(0);
  });
});
