// Issue 11 "What users get": `arazzo run --state-file` writes the run down (0600, no secret), and
// `arazzo resume` continues it: refused when a document changed or a secret is missing, an
// in-flight POST is not sent twice, and --json says resumedAt.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonStdout, repoRoot, requireCliBuilt, runCli } from '../support/run-cli.js';
import { DEFAULT_API_TOKEN, startSimulator, type Simulator } from '../support/simulator/index.js';

const SNAPSHOT_SEED = path.join(repoRoot, 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml');

let sim: Simulator;
let dir: string;
beforeAll(async () => {
  requireCliBuilt();
  sim = await startSimulator();
});
afterAll(() => sim?.close());
beforeEach(() => {
  sim.reset();
  dir = mkdtempSync(path.join(tmpdir(), 'arazzo-resume-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

const runArgs = (seed: string, name: string, state: string, ...extra: string[]): string[] => [
  'run', seed, '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', `name=${name}`, '--input', 'imageName=ubuntu:22.04',
  '--server', `snapshotsApi=${sim.url}`, '--poll-interval', '20ms', '--state-file', state, ...extra,
];

/** Spawns the CLI and SIGKILLs it when the simulator receives its n-th request (so that request is in flight). */
function runAndKillAt(args: readonly string[], n: number): Promise<void> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
  const push = sim.requests.push.bind(sim.requests);
  sim.requests.push = (...items) => {
    const count = push(...items);
    if (count >= n) child.kill('SIGKILL');
    return count;
  };
  return new Promise((resolve) => child.once('close', () => {
    sim.requests.push = push;
    resolve();
  }));
}

describe('issue 11 run --state-file', () => {
  it('writes the finished run: mode 0600, the secret input named but its value nowhere, no Authorization', async () => {
    const state = path.join(dir, 'run.json');
    const run = await runCli(runArgs(SNAPSHOT_SEED, 'resume-plain', state, '--json'));
    expect(run.code, run.stderr).toBe(0);
    expect(statSync(state).mode & 0o777).toBe(0o600);
    const text = readFileSync(state, 'utf8');
    expect(text).not.toContain(DEFAULT_API_TOKEN);
    const saved = JSON.parse(text) as { secretInputs: string[]; state: { result?: { status: string } }; documents: Record<string, string> };
    expect(saved.secretInputs).toEqual(['apiToken']);
    expect(saved.state.result?.status).toBe('succeeded');
    expect(Object.keys(saved.documents)).toContain(SNAPSHOT_SEED);
  });

  it('resume of a finished run is refused with exit 2 and sends nothing', async () => {
    const state = path.join(dir, 'run.json');
    expect((await runCli(runArgs(SNAPSHOT_SEED, 'resume-done', state))).code).toBe(0);
    const sent = sim.requests.length;
    const resumed = await runCli(['resume', state, '--input', `apiToken=${DEFAULT_API_TOKEN}`]);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain('already ended');
    expect(sim.requests.length).toBe(sent);
  });
});

describe('issue 11 arazzo resume', () => {
  it('continues a killed poll where it stopped: one POST in all, the GET in flight sent again, --json says resumedAt', async () => {
    const state = path.join(dir, 'run.json');
    await runAndKillAt(runArgs(SNAPSHOT_SEED, 'resume-poll', state), 3);
    const before = sim.requests.length;
    const resumed = await runCli(['resume', state, '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const json = parseJsonStdout(resumed);
    expect(json).toMatchObject({ status: 'succeeded', outputs: { state: null } });
    expect(json.resumedAt).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT/)]);
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(sim.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    // The timeline covers the executions from before the kill too.
    const timeline = json.timeline as Array<{ stepId: string }>;
    expect(timeline[0]?.stepId).toBe('createSnapshot');
  });

  it('without the secret input again: exit 2 naming it, nothing sent', async () => {
    const state = path.join(dir, 'run.json');
    await runAndKillAt(runArgs(SNAPSHOT_SEED, 'resume-nosecret', state), 2);
    const before = sim.requests.length;
    const resumed = await runCli(['resume', state]);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain('apiToken');
    expect(sim.requests.length).toBe(before);
  });

  it('a document changed since the run started: exit 2 naming the file, nothing sent', async () => {
    const seedDir = path.join(dir, 'seed');
    cpSync(path.join(repoRoot, 'workflows'), seedDir, { recursive: true });
    cpSync(path.join(repoRoot, 'openapi'), path.join(dir, 'openapi'), { recursive: true });
    const seed = path.join(seedDir, path.basename(SNAPSHOT_SEED));
    const state = path.join(dir, 'run.json');
    await runAndKillAt(runArgs(seed, 'resume-changed', state), 2);
    writeFileSync(seed, `${readFileSync(seed, 'utf8')}\n# edited\n`);
    const before = sim.requests.length;
    const resumed = await runCli(['resume', state, '--input', `apiToken=${DEFAULT_API_TOKEN}`]);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain(path.basename(seed));
    expect(resumed.stderr).toContain('changed');
    expect(sim.requests.length).toBe(before);
  });

  it('a POST in flight when the process died is not sent again: in-flight-unknown, unless --resend-in-flight', async () => {
    const state = path.join(dir, 'run.json');
    await runAndKillAt(runArgs(SNAPSHOT_SEED, 'resume-inflight', state), 1);
    copyFileSync(state, `${state}.copy`);
    const refused = await runCli(['resume', state, '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--json']);
    expect(refused.code).toBe(1);
    expect(parseJsonStdout(refused)).toMatchObject({ status: 'failed', error: { code: 'in-flight-unknown', stepId: 'createSnapshot' } });
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    const resent = await runCli(['resume', `${state}.copy`, '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--resend-in-flight', '--json']);
    // The simulator saw the first POST, so the second one is a duplicate name: the point of the refusal.
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(parseJsonStdout(resent)).toMatchObject({ status: 'failed' });
  });
});
