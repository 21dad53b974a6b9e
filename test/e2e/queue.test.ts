// Issue 15 "Past one process": runs on BullMQ workers over a real, private redis-server, against the
// Daytona simulator. Workers are real processes (bin/arazzo.js worker), so SIGKILL and SIGTERM are real.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingProxy } from '../integration/transport/transport-fixtures.js';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { startSimulator, type Simulator } from '../support/simulator/index.js';

const SEED = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const CANARY = 'dtn_canary_7f3a9c1e5b';

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let redis: RedisServer;
let simulator: Simulator;
const workers: WorkerProcess[] = [];

function startWorker(queue: string, extra: string[] = []): WorkerProcess {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), 'worker', '--redis', redis.url, '--queue', queue, ...extra], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ARAZZO_INPUT_APITOKEN: CANARY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const worker = { child, output: () => output, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) };
  workers.push(worker);
  return worker;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const seedArgs = (name: string): string[] => ['--input', `name=${name}`, '--input', 'imageName=ubuntu:22.04', '--input', 'cpu=2', '--server', `snapshotsApi=${simulator.url}`];
const submit = (queue: string, args: string[]) =>
  runCliInProcess(['submit', SEED, '--redis', redis.url, '--queue', queue, ...args], { env: { ARAZZO_INPUT_APITOKEN: CANARY } });
const posts = (): number => simulator.requests.filter((r) => r.method === 'POST').length;

beforeAll(async () => {
  requireCliBuilt();
  redis = await startRedis();
  simulator = await startSimulator({ apiToken: CANARY });
}, 30_000);

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
  }
});

afterAll(async () => {
  await simulator?.close();
  await redis?.stop();
});

describe('issue 15: arazzo submit and arazzo worker over Redis', () => {
  it('a submitted seed runs on a worker to the outputs of a plain arazzo run; its poll waits become delayed jobs', async () => {
    const plain = await runCliInProcess(['run', SEED, '--json', '--poll-interval', '300ms', ...seedArgs('queue-plain-inactive')], { env: { ARAZZO_INPUT_APITOKEN: CANARY } });
    expect(plain.code).toBe(0);
    rmSync(path.join(os.tmpdir(), 'arazzo-worker', 'q-happy'), { recursive: true, force: true });
    const worker = startWorker('q-happy', ['--park-after', '100ms']);
    await until('the worker to start', () => worker.output().includes('worker on queue q-happy'));
    simulator.requests.length = 0;
    const queued = await submit('q-happy', ['--wait', '--json', '--poll-interval', '300ms', ...seedArgs('queue-inactive')]);
    expect(queued.stderr).not.toContain('error');
    expect(queued.code).toBe(0);
    const result = JSON.parse(queued.stdout) as Record<string, unknown>;
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ ...(JSON.parse(plain.stdout).outputs as object), snapshotId: (result.outputs as { snapshotId: string }).snapshotId });
    expect((result.outputs as { state: string }).state).toBe('pending');
    // Going on after its own delayed waits is no resume: nothing to list, however long it polls.
    expect(result.resumedAt).toBeUndefined();
    expect(worker.output()).toMatch(/run \S+ waits until .* \(delayed job\)/);
    expect(worker.output()).toMatch(/run \S+ continues/);
    expect(posts()).toBe(2);

    const status = await runCliInProcess(['status', String(result.runId), '--redis', redis.url, '--queue', 'q-happy', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ runId: result.runId, state: 'completed', status: 'succeeded', exitCode: 0 });

    // A second run of the same documents uses the same folder of them (so the worker's loaded
    // plan); each run's own folder (its state file) is gone once its job ended.
    const again = await submit('q-happy', ['--wait', '--json', '--poll-interval', '300ms', ...seedArgs('queue-again-inactive')]);
    expect(again.code, again.stderr).toBe(0);
    const workerFolder = path.join(os.tmpdir(), 'arazzo-worker', 'q-happy');
    await until('the run folders to go', () => readdirSync(path.join(workerFolder, 'runs')).length === 0);
    expect(readdirSync(path.join(workerFolder, 'documents'))).toHaveLength(1);
  }, 60_000);

  it('no secret reaches Redis: every key and value after a run is free of the token (a canary)', async () => {
    const client = new Redis(redis.port, '127.0.0.1');
    try {
      const keys = await client.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      let dumped = '';
      for (const key of keys) {
        const type = await client.type(key);
        const value =
          type === 'string' ? await client.get(key)
            : type === 'hash' ? JSON.stringify(await client.hgetall(key))
              : type === 'list' ? JSON.stringify(await client.lrange(key, 0, -1))
                : type === 'set' ? JSON.stringify(await client.smembers(key))
                  : type === 'zset' ? JSON.stringify(await client.zrange(key, 0, -1))
                    : type === 'stream' ? JSON.stringify(await client.xrange(key, '-', '+'))
                      : '';
        dumped += `${key}\n${value}\n`;
      }
      expect(dumped).toContain('queue-inactive');
      expect(dumped).not.toContain(CANARY);
      expect(dumped).not.toContain(Buffer.from(CANARY).toString('base64'));
    } finally {
      client.disconnect();
    }
  });

  it('a worker killed mid-poll: another worker resumes the run from its checkpoint, no POST sent twice', async () => {
    const first = startWorker('q-chaos', ['--park-after', '1h', '--lock-duration', '2s']);
    await until('the first worker', () => first.output().includes('worker on queue q-chaos'));
    simulator.requests.length = 0;
    const submitted = await submit('q-chaos', ['--json', '--poll-interval', '400ms', ...seedArgs('queue-slow-inactive')]);
    expect(submitted.code).toBe(0);
    const { runId } = JSON.parse(submitted.stdout) as { runId: string };
    await until('two polls', () => simulator.requests.filter((r) => r.method === 'GET').length >= 2);
    first.child.kill('SIGKILL');
    await first.exited;
    const getsAtKill = simulator.requests.filter((r) => r.method === 'GET').length;
    const second = startWorker('q-chaos', ['--park-after', '1h', '--lock-duration', '2s']);
    const waited = await runCliInProcess(['status', runId, '--redis', redis.url, '--queue', 'q-chaos', '--wait', '--json']);
    expect(waited.code).toBe(0);
    const result = JSON.parse(waited.stdout) as { status: string; outputs: { state: string } };
    expect(result.status).toBe('succeeded');
    expect(result.outputs.state).toBe('pending');
    expect(second.output()).toContain(`run ${runId} continues`);
    expect(simulator.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(getsAtKill);
    expect(posts()).toBe(2);
  }, 60_000);

  it('a worker that loses its job\'s lock stops before its next request; the run goes on from the last checkpoint it wrote, no POST twice', async () => {
    const client = new Redis(redis.port, '127.0.0.1');
    try {
      const worker = startWorker('q-lost', ['--park-after', '1h', '--lock-duration', '2s']);
      await until('the worker', () => worker.output().includes('worker on queue q-lost'));
      simulator.requests.length = 0;
      const submitted = await submit('q-lost', ['--json', '--poll-interval', '300ms', ...seedArgs('queue-lost-slow-inactive')]);
      const { runId } = JSON.parse(submitted.stdout) as { runId: string };
      await until('the first poll', () => simulator.requests.some((r) => r.method === 'GET'));
      // What a stalled worker sees: its lock expired and another worker holds the job now.
      await client.set(`bull:q-lost:${runId}:lock`, 'another-worker', 'PX', 1500);
      await until('the worker to let the run go', () => worker.output().includes(`run ${runId} stopped here: this worker lost the job's lock`));
      const waited = await runCliInProcess(['status', runId, '--redis', redis.url, '--queue', 'q-lost', '--wait', '--json']);
      expect(waited.code, waited.stderr).toBe(0);
      expect(JSON.parse(waited.stdout)).toMatchObject({ status: 'succeeded', outputs: { state: 'pending' } });
      expect(worker.output()).toContain(`run ${runId} continues`);
      expect(posts()).toBe(2);
    } finally {
      client.disconnect();
    }
  }, 60_000);

  it('cancel of a running run: its worker stops it at the next checkpoint, before its next request; the run ends aborted', async () => {
    const worker = startWorker('q-stop', ['--park-after', '1h']);
    await until('the worker', () => worker.output().includes('worker on queue q-stop'));
    simulator.requests.length = 0;
    const submitted = await submit('q-stop', ['--json', '--poll-interval', '300ms', ...seedArgs('queue-stop-slow-inactive')]);
    const { runId } = JSON.parse(submitted.stdout) as { runId: string };
    await until('the first poll', () => simulator.requests.some((r) => r.method === 'GET'));
    const cancelled = await runCliInProcess(['cancel', runId, '--redis', redis.url, '--queue', 'q-stop']);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stderr).toContain('is running: its worker stops it');
    const waited = await runCliInProcess(['status', runId, '--redis', redis.url, '--queue', 'q-stop', '--wait', '--json']);
    expect(waited.stdout, `${waited.stderr}\n${worker.output()}`).not.toBe('');
    const result = JSON.parse(waited.stdout) as { status: string; error: { code: string } };
    expect(result).toMatchObject({ status: 'failed', error: { code: 'aborted' } });
    const sent = simulator.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(simulator.requests.length).toBe(sent);
    expect(posts()).toBe(1);
  }, 30_000);

  it('a worker killed after the run ended but before its job completed: the next worker reports the ended run and sends nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-queue-ended-'));
    const client = new Redis(redis.port, '127.0.0.1');
    try {
      // The checkpoint a worker leaves when it dies right after the run's last state write.
      const stateFile = path.join(dir, 'run-state.json');
      const ended = await runCliInProcess(['run', SEED, '--json', '--poll-interval', '0', '--state-file', stateFile, ...seedArgs('queue-ended-inactive')], { env: { ARAZZO_INPUT_APITOKEN: CANARY } });
      expect(ended.code, ended.stderr).toBe(0);
      const submitted = await submit('q-ended', ['--json', ...seedArgs('queue-ended-inactive')]);
      const { runId } = JSON.parse(submitted.stdout) as { runId: string };
      await client.set(`arazzo:q-ended:checkpoint:${runId}`, JSON.stringify({ root: path.join(dir, 'gone'), text: readFileSync(stateFile, 'utf8') }));
      simulator.requests.length = 0;
      const worker = startWorker('q-ended');
      const waited = await runCliInProcess(['status', runId, '--redis', redis.url, '--queue', 'q-ended', '--wait', '--json']);
      expect(waited.code, waited.stderr).toBe(0);
      const result = JSON.parse(waited.stdout) as { status: string; outputs: unknown };
      expect(result.status).toBe('succeeded');
      expect(result.outputs).toEqual((JSON.parse(ended.stdout) as { outputs: unknown }).outputs);
      expect(simulator.requests).toEqual([]);
      await until('the end line', () => worker.output().includes(`run ${runId} succeeded (exit 0)`));
      expect(worker.output()).toContain(`run ${runId} continues`);
      await until('the checkpoint to go', async () => (await client.exists(`arazzo:q-ended:checkpoint:${runId}`)) === 0);
    } finally {
      client.disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('the worker\'s transport flags apply to each run and resume: --proxy carries the run and each resume; an unreadable --cert is exit 2 at start', async () => {
    const proxy = await startRecordingProxy();
    try {
      const worker = startWorker('q-proxy', ['--park-after', '100ms', '--proxy', proxy.url]);
      await until('the worker', () => worker.output().includes('worker on queue q-proxy'));
      simulator.requests.length = 0;
      const queued = await submit('q-proxy', ['--wait', '--json', '--poll-interval', '300ms', ...seedArgs('queue-proxy-inactive')]);
      expect(queued.code, queued.stderr).toBe(0);
      // The run and each resume after a delayed wait open their own tunnel through the proxy.
      const segments = worker.output().split('\n').filter((line) => / run \S+ (starts|continues) /.test(line)).length;
      expect(segments).toBeGreaterThan(1);
      expect(proxy.seen).toEqual(Array.from({ length: segments }, () => `CONNECT ${new URL(simulator.url).host}`));
    } finally {
      await proxy.close();
    }
    const bad = await runCliInProcess(['worker', '--redis', redis.url, '--queue', 'q-proxy', '--cert', 'no-such-client.pem', '--key', 'no-such-client.key']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-such-client.pem');
  }, 60_000);

  it('submit needs no secret input: a run submitted with no apiToken anywhere runs on a worker that has it; other inputs are still checked', async () => {
    const worker = startWorker('q-nosecret');
    await until('the worker to start', () => worker.output().includes('worker on queue q-nosecret'));
    const args = ['submit', SEED, '--redis', redis.url, '--queue', 'q-nosecret'];
    const queued = await runCliInProcess([...args, '--wait', '--json', '--poll-interval', '300ms', ...seedArgs('queue-nosecret-inactive')], { env: {} });
    expect(queued.code, queued.stderr).toBe(0);
    expect((JSON.parse(queued.stdout) as { status: string }).status).toBe('succeeded');
    const told = await runCliInProcess([...args, ...seedArgs('queue-nosecret-told')], { env: {} });
    expect(told.code).toBe(0);
    expect(told.stderr).toContain('workers need ARAZZO_INPUT_apiToken');
    await runCliInProcess(['cancel', told.stdout.trim(), '--redis', redis.url, '--queue', 'q-nosecret']);
    const invalid = await runCliInProcess([...args, '--input', 'name=x', '--input', 'cpu=many', '--input', 'imageName=i'], { env: {} });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('cpu');
    expect(invalid.stderr).not.toContain('apiToken');
  }, 60_000);

  it('reports: submit --report junit and --har keep them with the result, written at the end of --wait and by status --report later', async () => {
    const worker = startWorker('q-reports', ['--park-after', '100ms']);
    await until('the worker to start', () => worker.output().includes('worker on queue q-reports'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-queue-reports-'));
    try {
      simulator.requests.length = 0;
      const junit = path.join(dir, 'out', 'results.xml');
      const har = path.join(dir, 'run.har');
      const queued = await submit('q-reports', ['--wait', '--json', '--poll-interval', '300ms', '--report', `junit=${junit}`, '--har', har, ...seedArgs('queue-reports-inactive')]);
      expect(queued.code, queued.stderr).toBe(0);
      const runId = String((JSON.parse(queued.stdout) as { runId: string }).runId);
      // The run parked between polls (delayed jobs): the segment that ended it wrote the reports of the whole run.
      expect(readFileSync(junit, 'utf8')).toMatch(/<testcase name="[^"]+" classname="build-and-activate-snapshot"/);
      const entries = (JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: unknown[] } }).log.entries;
      expect(entries).toHaveLength(simulator.requests.length);
      expect(readFileSync(har, 'utf8')).not.toContain(CANARY);
      const status = (extra: string[]) => runCliInProcess(['status', runId, '--redis', redis.url, '--queue', 'q-reports', ...extra]);
      const later = path.join(dir, 'later.xml');
      expect((await status(['--report', `junit=${later}`])).code).toBe(0);
      expect(readFileSync(later, 'utf8')).toBe(readFileSync(junit, 'utf8'));
      const notKept = await status(['--report', `json=${path.join(dir, 'r.json')}`]);
      expect(notKept.code).toBe(2);
      expect(notKept.stderr).toContain('the run kept no json report');
      const graph = await submit('q-reports', ['--report', `graph=${path.join(dir, 'g.svg')}`, ...seedArgs('queue-reports-graph')]);
      expect(graph.code).toBe(2);
      expect(graph.stderr).toContain('keeps json, junit and har reports');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a document with errors is refused with exit 2 and nothing is enqueued', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-queue-bad-'));
    try {
      const bad = path.join(dir, 'bad.yml');
      writeFileSync(bad, 'arazzo: 1.0.1\ninfo: {title: t, version: "1"}\nsourceDescriptions: []\nworkflows:\n- workflowId: w\n  steps:\n  - stepId: s\n    operationId: nope\n');
      const refused = await runCliInProcess(['submit', bad, '--redis', redis.url, '--queue', 'q-bad']);
      expect(refused.code).toBe(2);
      const missing = await submit('q-bad', ['--input', 'name=x']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('imageName');
      const runs = await runCliInProcess(['runs', '--redis', redis.url, '--queue', 'q-bad', '--json']);
      expect(JSON.parse(runs.stdout)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cancel removes a waiting run; a worker stops on SIGTERM with exit 0', async () => {
    const submitted = await submit('q-cancel', ['--json', ...seedArgs('queue-cancelled')]);
    const { runId } = JSON.parse(submitted.stdout) as { runId: string };
    const listed = await runCliInProcess(['runs', '--redis', redis.url, '--queue', 'q-cancel', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ runId, state: 'waiting' }]);
    const cancelled = await runCliInProcess(['cancel', runId, '--redis', redis.url, '--queue', 'q-cancel']);
    expect(cancelled.code).toBe(0);
    const status = await runCliInProcess(['status', runId, '--redis', redis.url, '--queue', 'q-cancel']);
    expect(status.code).toBe(2);

    const worker = startWorker('q-cancel');
    await until('the worker', () => worker.output().includes('worker on queue q-cancel'));
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('stopped');
  }, 30_000);

  it('--limit snapshotsApi=3/s: across two workers, the source gets at most 3 requests per one-second window', async () => {
    const first = startWorker('q-limit', ['--limit', 'snapshotsApi=3/s', '--park-after', '1h']);
    const second = startWorker('q-limit', ['--limit', 'snapshotsApi=3/s', '--park-after', '1h']);
    await until('the workers', () => first.output().includes('at most 3/s to snapshotsApi') && second.output().includes('at most 3/s to snapshotsApi'));
    simulator.requests.length = 0;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const submitted = await submit('q-limit', ['--json', '--poll-interval', '0', ...seedArgs(`queue-limit-inactive-${i}`)]);
      ids.push((JSON.parse(submitted.stdout) as { runId: string }).runId);
    }
    for (const id of ids) {
      const waited = await runCliInProcess(['status', id, '--redis', redis.url, '--queue', 'q-limit', '--wait', '--json']);
      expect(waited.code, waited.stderr).toBe(0);
    }
    // The budget is per one-second window of the workers' clocks; a request let through at the end
    // of one window can arrive in the next, so a second of arrivals may hold up to twice the limit.
    const times = simulator.requests.map((r) => r.at).sort((a, b) => a - b);
    const perSecond = new Map<number, number>();
    for (const at of times) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    expect(times.length).toBeGreaterThanOrEqual(4 * 4);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(2 * 3);
    // n requests at 3 per window need ceil(n / 3) windows, the first and last possibly partial.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((Math.ceil(times.length / 3) - 2) * 1000);
    const bad = await runCliInProcess(['worker', '--redis', redis.url, '--limit', 'snapshotsApi=fast']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not <source>=<n>/s');
  }, 60_000);
});
