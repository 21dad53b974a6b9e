// Issue 11 "Proof": a real `arazzo run --state-file` child is SIGKILLed at random points of each
// seed's polling branch — while a GET is in flight, or a little after one arrived (in the middle
// of a transition, a state write or a poll wait) — then `arazzo resume` finishes the run. Against
// the simulator's request log: no POST is ever sent twice, and the outputs are those of an
// uninterrupted run. 17 trials per seed, 51 in all; kill points come from a seeded PRNG.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonStdout, repoRoot, requireCliBuilt, runCli } from '../support/run-cli.js';
import { COMPARTMENT_ID, DEFAULT_API_TOKEN, STOPPED_INSTANCE_ID, startSimulator, type Simulator } from '../support/simulator/index.js';

const TRIALS_PER_SEED = Number(process.env.ARAZZO_KILL_TRIALS ?? 17);
const SEED = Number(process.env.ARAZZO_KILL_SEED ?? 11);

/** mulberry32: small, seeded, good enough to pick kill points. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedCase {
  name: string;
  args: (sim: Simulator, state: string) => string[];
  /** Inputs to give again on resume (the secret ones). */
  resumeArgs: string[];
}

const common = ['--poll-interval', '15ms', '--json'];
const SEEDS: SeedCase[] = [
  {
    name: 'build-and-activate-snapshot (inactive → activate → poll)',
    args: (sim, state) => ['run', 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml', '--input', `apiToken=${DEFAULT_API_TOKEN}`,
      '--input', 'name=kill-slow-inactive', '--input', 'imageName=ubuntu:22.04', '--server', `snapshotsApi=${sim.url}`, ...common, '--state-file', state],
    resumeArgs: ['--input', `apiToken=${DEFAULT_API_TOKEN}`],
  },
  {
    name: 'image-to-running-sandbox',
    args: (sim, state) => ['run', 'workflows/daytona-io-image-to-running-sandbox-workflow.yml', '--input', `apiToken=${DEFAULT_API_TOKEN}`,
      '--input', 'snapshotName=kill-slow-sandbox', '--input', 'imageName=python:3.12-slim', '--server', `snapshotsApi=${sim.url}`, '--server', `sandboxApi=${sim.url}`,
      ...common, '--state-file', state],
    resumeArgs: ['--input', `apiToken=${DEFAULT_API_TOKEN}`],
  },
  {
    name: 'create-custom-image-from-instance',
    args: (sim, state) => ['run', 'workflows/oracle-create-custom-image-from-instance-workflow.yml', '--input', `compartmentId=${COMPARTMENT_ID}`,
      '--input', `instanceId=${STOPPED_INSTANCE_ID}`, '--input', 'displayName=kill-slow-image', '--server', `ociComputeApi=${sim.url}`,
      '--server-variable', 'region=eu-frankfurt-1', ...common, '--state-file', state],
    resumeArgs: [],
  },
];

/** Simulator-made identifiers differ from run to run; everything else must be equal. */
const normalise = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value ?? null).replace(/ocid1\.[a-z]+\.oc1\.[a-z0-9-]+\.[a-z0-9]+/g, '<ocid>').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>'));

/** Runs the CLI and SIGKILLs it when the simulator has seen `count` requests, after `delayMs`. */
function runAndKill(sim: Simulator, args: readonly string[], count: number, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
  const push = sim.requests.push.bind(sim.requests);
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  sim.requests.push = (...items) => {
    const seen = push(...items);
    if (seen === count) {
      if (delayMs === 0) kill();
      else setTimeout(kill, delayMs);
    }
    return seen;
  };
  return new Promise((resolve) => child.once('close', () => {
    sim.requests.push = push;
    resolve();
  }));
}

let dir: string;
beforeAll(() => {
  requireCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'arazzo-kill-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`issue 11 proof: SIGKILL during each seed's poll, then arazzo resume (PRNG seed ${SEED})`, () => {
  SEEDS.forEach((seed, seedIndex) => {
    it.concurrent(seed.name, async () => {
      const sim = await startSimulator();
      try {
        const baseline = await runCli(seed.args(sim, path.join(dir, `baseline-${seedIndex}.json`)), { killAfterMs: 120_000 });
        expect(baseline.code, baseline.stderr).toBe(0);
        const expected = normalise(parseJsonStdout(baseline).outputs);
        const methods = sim.requests.map((r) => r.method);
        // The polling branch: GETs after the first POST and followed by another GET, so a kill there
        // (now or a few ms later) never strands a POST in flight and never comes after the end.
        const firstPost = methods.indexOf('POST');
        const points = methods.flatMap((method, i) => (i > firstPost && method === 'GET' && methods[i + 1] === 'GET' ? [i + 1] : []));
        expect(points.length).toBeGreaterThan(2);
        const random = prng(SEED + seedIndex);
        for (let trial = 0; trial < TRIALS_PER_SEED; trial++) {
          sim.reset();
          const state = path.join(dir, `state-${seedIndex}-${trial}.json`);
          const at = points[Math.floor(random() * points.length)]!;
          const delayMs = random() < 0.5 ? 0 : 1 + Math.floor(random() * 12);
          await runAndKill(sim, seed.args(sim, state), at, delayMs);
          const resumed = await runCli(['resume', state, ...seed.resumeArgs, '--json'], { killAfterMs: 120_000 });
          const where = `trial ${trial}: killed at request ${at} + ${delayMs} ms`;
          expect(resumed.code, `${where}\n${resumed.stderr}`).toBe(0);
          expect(normalise(parseJsonStdout(resumed).outputs), where).toEqual(expected);
          const posts = sim.requests.filter((r) => r.method === 'POST').map((r) => `${r.path} ${JSON.stringify(r.body)}`);
          expect(posts, where).toEqual([...new Set(posts)]);
          expect(posts.length, where).toBe(methods.filter((m) => m === 'POST').length);
        }
      } finally {
        await sim.close();
      }
    }, 900_000);
  });
});
