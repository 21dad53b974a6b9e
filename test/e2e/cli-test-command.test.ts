// Issue 16 "arazzo test": scenario files run each workflow through the real engine and HTTP stack
// against a loopback server that gives the scripted responses. The seeds' scenarios ship in
// workflows/scenarios and pass; a wrong expectation fails with expected/actual, a request no
// response scripts fails naming it, a bad scenario file is exit 2 with its line and nothing run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonStdout, repoRoot, requireCliBuilt, runCli } from '../support/run-cli.js';
import { DEFAULT_API_TOKEN, startSimulator, type Simulator } from '../support/simulator/index.js';

let dir: string;
beforeAll(() => {
  requireCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'arazzo-scenarios-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A seed scenario copied into the temp folder, its workflow path made absolute, then edited. */
function variant(seedScenario: string, name: string, edit: (text: string) => string): string {
  const text = readFileSync(path.join(repoRoot, 'workflows/scenarios', seedScenario), 'utf8').replace('workflow: ../', `workflow: ${path.join(repoRoot, 'workflows')}/`);
  const file = path.join(dir, name);
  writeFileSync(file, edit(text));
  return file;
}

describe('issue 16: arazzo test', () => {
  it('every seed scenario in workflows/scenarios passes (exit 0), each branch named', async () => {
    const run = await runCli(['test', 'workflows/scenarios', '--json'], { killAfterMs: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonStdout(run) as { passed: number; failed: number; scenarios: Array<{ name: string; passed: boolean }> };
    expect(json.failed).toBe(0);
    expect(json.passed).toBeGreaterThanOrEqual(9);
    expect(json.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['snapshot lands inactive and is activated', 'image to a running sandbox', 'OCI instance still running']));
  });

  it('expect.requests: a request that lacks an expected header value, body member or count fails, naming each; a credential is not printed', async () => {
    const file = variant('snapshot-inactive.scenario.yaml', 'requests.scenario.yaml', (t) => t
      .replace('headers: { authorization: Bearer scenario-token }, body: { name: demo-inactive', 'headers: { authorization: Bearer other-token }, body: { name: another-name')
      .replace('activateSnapshot: [ { headers: { authorization: Bearer scenario-token } } ]', 'activateSnapshot: [ {}, {} ]'));
    const run = await runCli(['test', file, '--json']);
    expect(run.code).toBe(1);
    const said = (parseJsonStdout(run) as { scenarios: Array<{ differences: string[] }> }).scenarios[0]!.differences.join('\n');
    expect(said).toContain('requests.createSnapshot[1].headers.authorization\n      expected: "Bearer other-token"\n      actual:   "(another value, not shown)"');
    expect(said).toContain('requests.createSnapshot[1].body.name\n      expected: "another-name"\n      actual:   "demo-inactive"');
    expect(said).toContain('requests.activateSnapshot: how many requests (POST /snapshots/{id}/activate)\n      expected: "at least 2"\n      actual:   1');
    expect(said).not.toContain('scenario-token');
    const unknown = variant('snapshot-inactive.scenario.yaml', 'requests-unknown.scenario.yaml', (t) => t.replace('activateSnapshot: [', 'nope: ['));
    const refused = await runCli(['test', unknown]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('expect.requests.nope names no step or operationId');
  });

  it('a wrong expected output fails with exit 1 and shows expected and actual', async () => {
    const file = variant('sandbox-running.scenario.yaml', 'wrong.scenario.yaml', (t) => t.replace('sandboxState: started', 'sandboxState: stopped'));
    const run = await runCli(['test', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('outputs.sandboxState\n      expected: "stopped"\n      actual:   "started"');
    expect(run.stdout).toContain('0 passed, 1 failed');
  });

  it('a request no response scripts fails the scenario and is shown (the run got 501)', async () => {
    const file = variant('sandbox-running.scenario.yaml', 'unscripted.scenario.yaml', (t) => t.replace(/ {2}getSandbox:\n(?: {4}- .*\n)+/, ''));
    const run = await runCli(['test', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/no scripted response for GET \/api\/sandbox\/sb-1/);
  });

  it('a bad scenario file: exit 2, each problem with its line, nothing run', async () => {
    const file = path.join(dir, 'bad.scenario.yaml');
    writeFileSync(file, `workflow: ${path.join(repoRoot, 'workflows/oracle-create-custom-image-from-instance-workflow.yml')}\nresponses:\n  nosuchStep: { status: 200 }\nexpect: { staus: succeeded }\n`);
    const run = await runCli(['test', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.scenario\.yaml:4:\d+ error scenario-invalid Unknown key "staus" in expect/);
    expect(run.stdout).not.toContain('passed');
  });

  it('a responses key naming no step or operation: exit 2 at its line', async () => {
    const file = variant('oci-instance-running.scenario.yaml', 'typo.scenario.yaml', (t) => t.replace('getInstance:', 'getInstanse:'));
    const run = await runCli(['test', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/typo\.scenario\.yaml:6:\d+ error scenario-invalid responses\.getInstanse names no step or operationId/);
  });
});

describe('issue 16: arazzo run --record', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim?.close());

  it('a run against the simulator, recorded, replays identically offline; the token is masked in the file', async () => {
    const scenario = path.join(dir, 'recorded.scenario.yaml');
    const run = await runCli(['run', 'workflows/daytona-io-image-to-running-sandbox-workflow.yml', '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', 'snapshotName=recorded-sandbox',
      '--input', 'imageName=python:3.12-slim', '--server', `snapshotsApi=${sim.url}`, '--server', `sandboxApi=${sim.url}`, '--poll-interval', '0', '--record', scenario, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const live = parseJsonStdout(run) as { outputs: Record<string, unknown> };
    const text = readFileSync(scenario, 'utf8');
    expect(text).not.toContain(DEFAULT_API_TOKEN);
    expect(text).not.toMatch(/^\s+date:/m);
    const sent = sim.requests.length;
    const replay = await runCli(['test', scenario, '--json']);
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
    expect(sim.requests.length).toBe(sent);
    const replayed = parseJsonStdout(replay) as { scenarios: Array<{ passed: boolean }> };
    expect(replayed.scenarios).toEqual([expect.objectContaining({ passed: true })]);
    expect(text).toContain(String(live.outputs.sandboxId));
  });

  it('--record with several files is a usage error (exit 2)', async () => {
    const run = await runCli(['run', 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml', 'workflows/oracle-create-custom-image-from-instance-workflow.yml', '--record', path.join(dir, 'x.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--record writes one run');
  });
});
