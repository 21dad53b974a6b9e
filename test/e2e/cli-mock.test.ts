// Issue 16 "arazzo mock": the operations a document's workflows call, served on 127.0.0.1 from a
// scenario (each object body completed from the description) or from the description (examples,
// else a sample of the schema by openapi-sampler);
// each request logged; SIGTERM stops it with exit 0. The seeds run against it through the CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonStdout, repoRoot, requireCliBuilt, runCli } from '../support/run-cli.js';

const SNAPSHOT_SEED = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const OCI_SEED = 'workflows/oracle-create-custom-image-from-instance-workflow.yml';

interface Mock {
  url: string;
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<number | null>;
}

async function startMock(args: string[]): Promise<Mock> {
  requireCliBuilt();
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), 'mock', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (line) resolve(line[1]!);
    });
    void closed.then((code) => reject(new Error(`mock exited ${code}: ${stderr}`)));
  });
  return { url, child, log: () => stderr, stop: () => (child.kill('SIGTERM'), closed) };
}

describe('issue 16: arazzo mock', () => {
  it('serves a scenario: the seed runs its inactive → activate branch against it; each request logged; SIGTERM exits 0', async () => {
    const mock = await startMock([SNAPSHOT_SEED, '--scenario', 'workflows/scenarios/snapshot-inactive.scenario.yaml']);
    try {
      const run = await runCli(['run', SNAPSHOT_SEED, '--server', `snapshotsApi=${mock.url}`, '--input', 'apiToken=x', '--input', 'name=demo', '--input', 'imageName=ubuntu:22.04', '--poll-interval', '0', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(parseJsonStdout(run)).toMatchObject({ status: 'succeeded', outputs: { snapshotId: '3f1c8d2e-0000-4000-8000-000000000002', state: 'pending' } });
      expect(mock.log()).toMatch(/200 POST \/api\/snapshots\/3f1c8d2e-0000-4000-8000-000000000002\/activate/);
      // The scenario scripts only what the workflow reads; the mock completes each object body from
      // the description's sample of that response, so the default response checks find nothing.
      const checks = (parseJsonStdout(run) as { steps: Array<{ responseChecks?: unknown }> }).steps.flatMap((s) => s.responseChecks ?? []);
      expect(checks).toEqual([]);
      const polled = await fetch(`${mock.url}/api/snapshots/3f1c8d2e-0000-4000-8000-000000000002`, { headers: { authorization: 'Bearer x' } });
      const body = (await polled.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ id: '3f1c8d2e-0000-4000-8000-000000000002', state: 'inactive' });
      expect(Object.keys(body)).toEqual(expect.arrayContaining(['general', 'name', 'imageName']));
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  });

  it('without a scenario, answers from the description\'s schemas: the OCI seed runs to an end action', async () => {
    const mock = await startMock([OCI_SEED]);
    try {
      const run = await runCli(['run', OCI_SEED, '--server', `ociComputeApi=${mock.url}`, '--input', 'compartmentId=c', '--input', 'instanceId=i', '--input', 'displayName=d', '--poll-interval', '0', '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(parseJsonStdout(run)).toMatchObject({ status: 'succeeded', endedBy: { stepId: 'readInstance' } });
      expect(mock.log()).toContain('200 GET /20160918/instances/i');
      expect(mock.log()).toContain('3 of 3 operations answered');
    } finally {
      await mock.stop();
    }
  });

  it('stateful: a resource a POST created is what the GET of it returns; other GETs answer from the description', async () => {
    const mock = await startMock([SNAPSHOT_SEED]);
    try {
      const headers = { 'content-type': 'application/json', authorization: 'Bearer x' };
      const created = await fetch(`${mock.url}/api/snapshots`, { method: 'POST', headers, body: JSON.stringify({ name: 'stateful-demo', imageName: 'ubuntu:22.04' }) });
      expect(created.status).toBeLessThan(300);
      const { id } = (await created.json()) as { id: string };
      expect(typeof id).toBe('string');
      const read = await fetch(`${mock.url}/api/snapshots/${encodeURIComponent(id)}`, { headers });
      expect(await read.json()).toMatchObject({ id, name: 'stateful-demo', imageName: 'ubuntu:22.04' });
      // The mock logs on its stderr, which may arrive after the response.
      for (let i = 0; i < 100 && !mock.log().includes('(created earlier)'); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(mock.log()).toContain(`200 GET /api/snapshots/${encodeURIComponent(id)} (created earlier)`);
      const other = await fetch(`${mock.url}/api/snapshots/not-created`, { headers });
      expect(((await other.json()) as { name?: string }).name).not.toBe('stateful-demo');
    } finally {
      await mock.stop();
    }
  });

  it('a scenario naming no step is exit 2 before anything listens', async () => {
    const run = await runCli(['mock', OCI_SEED, '--scenario', 'workflows/scenarios/snapshot-active.scenario.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('names no step or operationId');
  });

  it('the quick start\'s demo (scripts/demo.mjs): the three seeds succeed, each against arazzo mock serving a seed scenario', () => {
    requireCliBuilt();
    const demo = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/demo.mjs')], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('3 of 3 workflows succeeded, each against arazzo mock');
    expect(demo.stdout).toContain('mock │ 200 POST /api/snapshots');
    expect(demo.stdout).not.toContain('does not match operation');
  }, 60_000);
});
