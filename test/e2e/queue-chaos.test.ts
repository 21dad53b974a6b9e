// Issue 15 "Proof": runs of the snapshot seed through 3 worker processes over a private redis-server
// while a random worker is SIGKILLed and replaced every 1.5 s. Every run ends exactly once (one completed
// job, never two end lines), no snapshot is created or activated twice (the
// simulator's log), and every run either ends as a clean run does or — killed while a POST was in
// flight — fails with in-flight-unknown instead of sending it again.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { startSimulator, type Simulator } from '../support/simulator/index.js';

const SEED = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const TOKEN = 'dtn_chaos_token_5e1';
const QUEUE = 'chaos';
// 48 in CI; ARAZZO_CHAOS_RUNS=500 runs the full size (about 2 minutes on 2 CPUs).
const RUNS = Number(process.env.ARAZZO_CHAOS_RUNS ?? 48);

let redis: RedisServer;
let simulator: Simulator;
const outputs: string[] = [];
const live: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), 'worker', '--redis', redis.url, '--queue', QUEUE, '--concurrency', '4', '--park-after', '100ms', '--lock-duration', '2s'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ARAZZO_INPUT_APITOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const index = outputs.push('') - 1;
  child.stdout!.on('data', (chunk: Buffer) => (outputs[index] += chunk.toString()));
  live.push(child);
  return child;
}

beforeAll(async () => {
  requireCliBuilt();
  redis = await startRedis();
  simulator = await startSimulator({ apiToken: TOKEN });
}, 30_000);

afterAll(async () => {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await simulator?.close();
  await redis?.stop();
});

describe('issue 15 chaos: workers killed at random while runs poll', () => {
  it(`${RUNS} runs, 3 workers, one SIGKILLed and replaced every 1.5 s: each run ends once, no POST twice`, async () => {
    for (let i = 0; i < 3; i++) startWorker();
    // Killing starts with the first submit: runs picked up while others are still submitted are exposed too.
    let kills = 0;
    const killer = setInterval(() => {
      const running = live.filter((c) => c.exitCode === null && c.signalCode === null);
      running[Math.floor(Math.random() * running.length)]?.kill('SIGKILL');
      kills++;
      startWorker();
    }, 1500);
    const ids: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const submitted = await runCliInProcess(['submit', SEED, '--redis', redis.url, '--queue', QUEUE, '--json', '--poll-interval', '300ms',
        '--input', `name=chaos-slow-inactive-${i}`, '--input', 'imageName=ubuntu:22.04', '--server', `snapshotsApi=${simulator.url}`], { env: { ARAZZO_INPUT_APITOKEN: TOKEN } });
      expect(submitted.code, submitted.stderr).toBe(0);
      ids.push((JSON.parse(submitted.stdout) as { runId: string }).runId);
    }
    const queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    try {
      const deadline = Date.now() + 120_000 + RUNS * 500;
      for (;;) {
        const counts = await queue.getJobCounts('completed', 'failed');
        const ended = (counts.completed ?? 0) + (counts.failed ?? 0);
        if (ended >= RUNS) break;
        if (Date.now() > deadline) throw new Error(`only ${ended} of ${RUNS} runs ended`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      clearInterval(killer);
      const counts = await queue.getJobCounts('completed', 'failed');
      const failed = await queue.getFailed();
      expect({ ...counts, reasons: failed.map((job) => `${job.id}: ${job.failedReason}`) }).toEqual({ completed: RUNS, failed: 0, reasons: [] });
      for (const id of ids) {
        const job = await queue.getJob(id);
        const result = job!.returnvalue as { exitCode: number; result: { status: string; outputs: { state?: string }; error?: { code: string } } };
        if (result.result.status === 'succeeded') expect(result.result.outputs.state).toBe('pending');
        else expect(result.result.error?.code).toBe('in-flight-unknown');
      }
    } finally {
      clearInterval(killer);
      await queue.close();
    }
    expect(kills).toBeGreaterThan(0);
    // At most one end line per run across every worker that ever ran (a worker killed just after
    // its job completed may not have printed its line; the job counts above are the record).
    const ends = outputs.join('').split('\n').filter((line) => / run \S+ (succeeded|failed) \(exit/.test(line)).map((line) => / run (\S+) /.exec(line)![1]!);
    expect(new Set(ends).size).toBe(ends.length);
    expect(ends.every((id) => ids.includes(id))).toBe(true);
    expect(ends.length).toBeGreaterThanOrEqual(RUNS - kills);
    // No snapshot created or activated twice.
    const posts = simulator.requests.filter((r) => r.method === 'POST').map((r) => `${r.path} ${JSON.stringify(r.body ?? '')}`);
    const creates = simulator.requests.filter((r) => r.method === 'POST' && r.path === '/api/snapshots').map((r) => (r.body as { name: string }).name);
    expect(new Set(creates).size).toBe(creates.length);
    const activations = simulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/activate')).map((r) => r.path);
    expect(new Set(activations).size).toBe(activations.length);
    expect(posts.length).toBeGreaterThanOrEqual(RUNS);
  }, 150_000 + RUNS * 1_000);
});
