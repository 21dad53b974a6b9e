/**
 * `arazzo status <runId>`, `arazzo runs` and `arazzo cancel <runId>`: what the queue knows of runs.
 * Finished runs keep their result for `submit --keep` (7 days by default).
 */
import type { Job, JobType, Queue } from 'bullmq';
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import { UsageError } from '../cli/parse-cli-values.js';
import { DEFAULT_REDIS, loadBullmq, queueName, redisOptions } from './connection.js';
import { readReports } from '../cli/run-flags.js';
import { followRun, writeKeptReports } from './follow-run.js';
import { cancelKey, checkpointKey, unpackCheckpoint, type RunJobData, type RunJobResult } from './job-data.js';

const STATES: readonly JobType[] = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'];

type Store = import('ioredis').Redis;

async function withQueue<T>(raw: Record<string, unknown>, io: CliIo, use: (queue: Queue, name: string, store: Store) => Promise<T>): Promise<T> {
  const connection = redisOptions(String(raw.redis ?? io.env.ARAZZO_REDIS ?? DEFAULT_REDIS));
  const name = queueName(raw.queue as string | undefined);
  const { Queue } = await loadBullmq();
  const { Redis } = await import('ioredis');
  const queue = new Queue(name, { connection });
  const store = new Redis(connection);
  try {
    return await use(queue, name, store);
  } finally {
    await queue.close();
    await store.quit();
  }
}

async function describeJob(read: Job<RunJobData, RunJobResult>, store: Store, name: string, queue: Queue): Promise<Record<string, unknown>> {
  const state = await read.getState();
  // Read before it ended, the job has no result yet: read it again once its state is final.
  const job = (state === 'completed' || state === 'failed') && read.finishedOn === undefined ? ((await queue.getJob(String(read.id))) as Job<RunJobData, RunJobResult> | undefined) ?? read : read;
  const result = job.returnvalue?.result;
  const checkpoint = await store.getBuffer(checkpointKey(name, String(job.id)));
  const steps = checkpoint ? (JSON.parse(unpackCheckpoint(checkpoint).text) as { state?: { stepsExecuted?: number } }).state?.stepsExecuted : undefined;
  return {
    runId: String(job.id),
    workflowId: job.data?.workflowId,
    state,
    ...(result ? { status: result.status, exitCode: job.returnvalue.exitCode, outputs: result.outputs, ...(result.error ? { error: result.error } : {}) } : {}),
    ...(job.returnvalue?.reports ? { reports: Object.keys(job.returnvalue.reports) } : {}),
    ...(state === 'failed' ? { reason: job.failedReason } : {}),
    ...(steps !== undefined ? { stepsExecuted: steps } : {}),
    ...(state === 'delayed' ? { waitsUntil: new Date(job.timestamp + (job.delay ?? 0)).toISOString() } : {}),
    submittedAt: job.data?.submittedAt,
    ...(job.finishedOn ? { finishedAt: new Date(job.finishedOn).toISOString() } : {}),
  };
}

export async function statusCommand(runId: string, raw: Record<string, unknown>, io: CliIo): Promise<number> {
  return withQueue(raw, io, async (queue, name, store) => {
    const reports = readReports((raw.report as string[] | undefined) ?? [], raw.har as string | undefined);
    if (raw.wait === true) return followRun(queue, runId, io, raw.json === true, reports);
    const job = await queue.getJob(runId);
    if (!job) {
      io.stderr.write(`error: run ${runId} is not in queue ${name}\n  hint: check --queue and --redis; finished runs are kept for 7 days by default (submit --keep)\n`);
      return EXIT.invalid;
    }
    const described = await describeJob(job as Job<RunJobData, RunJobResult>, store, name, queue);
    io.stdout.write(raw.json === true ? `${JSON.stringify(described, null, 2)}\n` : `${humanLine(described)}\n`);
    if (Object.keys(reports).length === 0) return EXIT.ok;
    if (described.state !== 'completed') {
      io.stderr.write(`error: run ${runId} has no reports yet (it is ${String(described.state)})\n  hint: arazzo status ${runId} --wait --report … writes them when it ends\n`);
      return EXIT.invalid;
    }
    const ended = ((await queue.getJob(runId)) ?? job) as Job<RunJobData, RunJobResult>;
    return (await writeKeptReports(ended.returnvalue, reports, io)) ? EXIT.ok : EXIT.invalid;
  });
}

export async function runsCommand(raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const wanted = (raw.state as string[] | undefined)?.length ? (raw.state as string[]) : [...STATES];
  for (const state of wanted) if (!STATES.includes(state as JobType)) throw new UsageError(`--state ${state} is not a run state`, `Use one of: ${STATES.join(', ')}.`);
  return withQueue(raw, io, async (queue, name, store) => {
    const jobs = await queue.getJobs(wanted as JobType[], 0, Number(raw.limit ?? 100) - 1);
    const described = await Promise.all(jobs.map((job) => describeJob(job as Job<RunJobData, RunJobResult>, store, name, queue)));
    io.stdout.write(raw.json === true ? `${JSON.stringify(described, null, 2)}\n` : described.map(humanLine).join('\n') + (described.length ? '\n' : ''));
    if (raw.json !== true && described.length === 0) io.stderr.write(`no runs in queue ${name}${wanted.length < STATES.length ? ` in state ${wanted.join(', ')}` : ''}\n`);
    return EXIT.ok;
  });
}

export async function cancelCommand(runId: string, raw: Record<string, unknown>, io: CliIo): Promise<number> {
  return withQueue(raw, io, async (queue, name, client) => {
    const job = await queue.getJob(runId);
    if (!job) {
      io.stderr.write(`error: run ${runId} is not in queue ${name}\n`);
      return EXIT.invalid;
    }
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') {
      io.stderr.write(`run ${runId} already ended (${state}); nothing to cancel\n`);
      return EXIT.ok;
    }
    if (state === 'active') {
      // Its worker sees this at the run's next checkpoint and stops it as Ctrl-C would.
      await client.set(cancelKey(name, runId), '1');
      io.stderr.write(`run ${runId} is running: its worker stops it after the current step\n`);
      return EXIT.ok;
    }
    await job.remove();
    await client.del(checkpointKey(name, runId), cancelKey(name, runId));
    io.stderr.write(`run ${runId} cancelled (it was ${state})\n`);
    return EXIT.ok;
  });
}

function humanLine(run: Record<string, unknown>): string {
  const parts = [String(run.runId), String(run.workflowId), String(run.state)];
  if (run.status) parts.push(`${String(run.status)} (exit ${String(run.exitCode)})`);
  if (run.stepsExecuted !== undefined) parts.push(`${String(run.stepsExecuted)} steps`);
  if (run.waitsUntil) parts.push(`next step at ${String(run.waitsUntil)}`);
  if (run.reason) parts.push(String(run.reason));
  return parts.join('  ');
}
