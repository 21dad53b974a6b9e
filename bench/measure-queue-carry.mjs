/**
 * Issue 15 carrying capacity: N runs that poll every second (the poll workflow against a server
 * that keeps answering "running") on 2 `arazzo worker` processes over a private redis-server.
 * Each wait of a second becomes a delayed job, so the runs hold no worker slot between polls.
 * Sampled once a second for the window: each worker's resident memory, Redis's used_memory, and
 * the polls the server answered. Figures: memory at the end of the window against its start (flat
 * means ≈ 1×), and the polls per second carried against the N per second the runs ask for.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { makeFigure } from './lib/stats.mjs';
import { at, ROOT } from './lib/paths.mjs';
import { POLL_WORKFLOW } from './lib/poll-workflow.mjs';
import { silentIo, startRedis, startWorker } from './measure-queue.mjs';

const WORKERS = 2;

const rssMb = (pid) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function polled(url) {
  const response = await fetch(`${url}/stats`);
  return (await response.json()).total;
}

export async function measureQueueCarry(server, runs, seconds) {
  const redis = await startRedis();
  const queue = 'carry';
  const { Redis } = await import('ioredis');
  const client = new Redis(Number(new URL(redis.url).port), '127.0.0.1');
  const workers = Array.from({ length: WORKERS }, () => startWorker(redis.url, queue, ['--concurrency', '10']));
  const samples = [];
  let submitMs = 0;
  try {
    await Promise.all(workers.map((w) => w.ready));
    await server.arm(1e9);
    const { main } = await import(pathToFileURL(at('dist/cli/main.js')).href);
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const code = await main(['submit', POLL_WORKFLOW, '--redis', redis.url, '--queue', queue, '--input', `jobId=job-${i}`, '--server', `pollApi=${server.url}`, '--poll-interval', '1s', '--max-steps', '1000000', '--json'], silentIo());
      if (code !== 0) throw new Error(`submit exited ${code}`);
    }
    submitMs = performance.now() - started;
    let last = await polled(server.url);
    for (let second = 0; second < seconds; second++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const total = await polled(server.url);
      const info = await client.info('memory');
      samples.push({
        rss: workers.map((w) => rssMb(w.pid)),
        redisMb: Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN) / 1024 / 1024,
        polls: total - last,
      });
      last = total;
    }
  } finally {
    client.disconnect();
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
  const third = Math.max(1, Math.floor(samples.length / 3));
  const first = samples.slice(0, third);
  const end = samples.slice(-third);
  const extra = { runs, workers: WORKERS, seconds, submitMs: Math.round(submitMs), cwd: ROOT };
  return [
    makeFigure({ id: 'queue-carry-rss', name: `${runs} runs polling every 1 s on ${WORKERS} workers: peak worker RSS, last third of ${seconds} s`, unit: 'MB', samples: end.map((s) => Math.max(...s.rss)), baselineSamples: first.map((s) => Math.max(...s.rss)), baselineName: 'the same, first third', target: 1.15, extra }),
    makeFigure({ id: 'queue-carry-redis', name: `${runs} runs polling every 1 s: Redis used_memory, last third`, unit: 'MB', samples: end.map((s) => s.redisMb), baselineSamples: first.map((s) => s.redisMb), baselineName: 'the same, first third', target: 1.15, extra }),
    makeFigure({ id: 'queue-carry-polls', name: `${runs} runs polling every 1 s: polls answered per second`, unit: 'polls/s', samples: samples.map((s) => s.polls), baselineSamples: [runs], baselineName: `${runs}/s, what the runs ask for`, target: null, extra }),
  ];
}
