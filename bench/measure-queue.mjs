/**
 * Issue 15 throughput: N one-request runs of the poll workflow submitted with `arazzo submit`
 * (in this process, through the CLI's main) and run by 4 `arazzo worker` processes (concurrency 4
 * each) over a private redis-server, from the first submit to the last run done — against the same
 * N runs as one in-process loop (loadPlan once, runWorkflow N times: the floor), and against
 * sequential `arazzo run` processes (a sample of them, scaled to N: what a shell loop does).
 * Reported, no target: the issue asks where the time goes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFigure } from './lib/stats.mjs';
import { at, CLI, ROOT } from './lib/paths.mjs';
import { POLL_WORKFLOW, loadPollPlan, runPollWorkflow } from './lib/poll-workflow.mjs';
import { runNodeChecked } from './lib/spawn-timed.mjs';

const WORKERS = 4;
const CONCURRENCY = 4;
const SEQUENTIAL_SAMPLE = 10;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startRedis() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-bench-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function startWorker(redisUrl, queue, extra = []) {
  const child = spawn(process.execPath, [CLI, 'worker', '--redis', redisUrl, '--queue', queue, '--concurrency', String(CONCURRENCY), ...extra], { cwd: ROOT, env: { ...process.env, ARAZZO_INPUT_APITOKEN: 'bench-token', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
    const check = setInterval(() => {
      if (output.includes('worker on queue')) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
  return { ready, pid: child.pid, async stop() {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  } };
}

export const silentIo = (readStdin) => ({ stdout: { write: () => true }, stderr: { write: () => true }, env: { ARAZZO_INPUT_APITOKEN: 'bench-token', NO_COLOR: '1' }, cwd: ROOT, readStdin });

async function queueRound(redis, server, runs, round) {
  const queue = `bench-${round}`;
  const workers = Array.from({ length: WORKERS }, () => startWorker(redis.url, queue));
  await Promise.all(workers.map((w) => w.ready));
  const { main } = await import(pathToFileURL(at('dist/cli/main.js')).href);
  const { Queue } = await import('bullmq');
  const jobs = new Queue(queue, { connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port), maxRetriesPerRequest: null } });
  try {
    await server.arm(1);
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const code = await main(['submit', POLL_WORKFLOW, '--redis', redis.url, '--queue', queue, '--input', 'jobId=job-1', '--server', `pollApi=${server.url}`, '--poll-interval', '0', '--json'], silentIo());
      if (code !== 0) throw new Error(`submit exited ${code}`);
    }
    const submitted = performance.now();
    for (;;) {
      const counts = await jobs.getJobCounts('completed', 'failed');
      if (counts.failed > 0) throw new Error(`${counts.failed} queued runs failed`);
      if (counts.completed >= runs) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { ms: performance.now() - started, submitMs: submitted - started };
  } finally {
    await jobs.close();
    await Promise.all(workers.map((w) => w.stop()));
  }
}

async function inProcessLoop(server, runs) {
  const plan = await loadPollPlan();
  await server.arm(1);
  const started = performance.now();
  for (let i = 0; i < runs; i++) await runPollWorkflow(plan, server.url, 1);
  return performance.now() - started;
}

async function sequentialProcesses(server) {
  await server.arm(1);
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL_SAMPLE; i++) {
    await runNodeChecked([CLI, 'run', POLL_WORKFLOW, '--input', 'apiToken=bench-token', '--input', 'jobId=job-1', '--server', `pollApi=${server.url}`, '--poll-interval', '0', '--json', '--no-color'], { cwd: ROOT });
  }
  return (performance.now() - started) / SEQUENTIAL_SAMPLE;
}

export async function measureQueue(server, runs, repetitions) {
  const redis = await startRedis();
  const queued = [];
  const loop = [];
  const processes = [];
  const submits = [];
  try {
    for (let i = 0; i < repetitions; i++) {
      const round = await queueRound(redis, server, runs, i);
      queued.push(round.ms);
      submits.push(round.submitMs);
      loop.push(await inProcessLoop(server, runs));
      processes.push((await sequentialProcesses(server)) * runs);
    }
  } finally {
    await redis.stop();
  }
  const extra = { runs, workers: WORKERS, concurrency: CONCURRENCY, runsPerSecond: (runs * 1000) / Math.min(...queued), submitMsMedian: submits.sort((a, b) => a - b)[submits.length >> 1] };
  return [
    makeFigure({ id: 'queue-vs-loop', name: `${runs} runs via submit + ${WORKERS} workers (×${CONCURRENCY})`, unit: 'ms', samples: queued, baselineSamples: loop, baselineName: 'one in-process loop', target: null, extra }),
    makeFigure({ id: 'queue-vs-processes', name: `${runs} runs via submit + ${WORKERS} workers (×${CONCURRENCY})`, unit: 'ms', samples: queued, baselineSamples: processes, baselineName: `sequential arazzo run processes (${SEQUENTIAL_SAMPLE} timed, ×${runs / SEQUENTIAL_SAMPLE})`, target: null, extra }),
  ];
}
