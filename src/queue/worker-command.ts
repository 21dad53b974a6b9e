/**
 * `arazzo worker`: takes runs off a BullMQ queue and runs them (run-job.ts), `--concurrency` at a
 * time. One line per run event on stdout. A wait of `--park-after` or more (a poll interval, a
 * Retry-After) turns the job into a delayed job, so the slot carries other runs meanwhile. A
 * worker that dies mid-run loses its lock; after `--lock-duration` another worker takes the job
 * and resumes it from its checkpoint, with `arazzo resume`'s rule for a request that was in flight.
 * SIGTERM/SIGINT: no new runs; runs hand themselves back at their next wait; after
 * `--drain-timeout` the rest are left to stalled-job recovery; exit 0.
 */
import { rmSync } from 'node:fs';
import type { Job } from 'bullmq';
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import { parseDuration, UsageError } from '../cli/parse-cli-values.js';
import { transportArgs } from '../cli/transport-options.js';
import { DEFAULT_REDIS, describeRedis, loadBullmq, queueName, redisOptions } from './connection.js';
import { INVALID_PREFIX } from './follow-run.js';
import { cancelKey, checkpointKey, JOB_FORMAT, packCheckpoint, unpackCheckpoint, type RunJobData, type RunJobResult } from './job-data.js';
import { createRateLimiter, readLimits } from './rate-limit.js';
import { createPlanCache } from './plan-cache.js';
import { runFolder, runJob } from './run-job.js';

export interface WorkerContext {
  runCli: (argv: readonly string[], io: CliIo) => Promise<number>;
  /** Resolves when the worker should stop (SIGTERM/SIGINT in a real process). */
  stop: Promise<void>;
  /** Ends the process when runs are still going after the drain timeout (their jobs stall, another worker resumes them). */
  hardExit?: (code: number) => void;
}

/**
 * One round trip per checkpoint: written only by the worker that holds the job's lock (BullMQ's
 * lock key holds its token), and telling whether the run was cancelled meanwhile.
 */
const SAVE_CHECKPOINT = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
return redis.call('EXISTS', KEYS[3]) + 1`;
const CHECKPOINT_OUTCOMES = ['lost', 'saved', 'cancelled'] as const;

/** Loaded plans a worker keeps (by document set): one per workflow file its runs use, in practice. */
const PLANS_KEPT = 16;

export async function workerCommand(raw: Record<string, unknown>, io: CliIo, context: WorkerContext): Promise<number> {
  const redis = String(raw.redis ?? io.env.ARAZZO_REDIS ?? DEFAULT_REDIS);
  const connection = redisOptions(redis);
  const queue = queueName(raw.queue as string | undefined);
  const concurrency = Number(raw.concurrency ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1 (got ${String(raw.concurrency)})`);
  const parkAfterMs = parseDuration(String(raw.parkAfter ?? '1s'), '--park-after');
  const lockDuration = parseDuration(String(raw.lockDuration ?? '30s'), '--lock-duration');
  const drainMs = parseDuration(String(raw.drainTimeout ?? '10s'), '--drain-timeout');
  const limits = readLimits((raw.limit as string[] | undefined) ?? []);
  // Proxy, client certificates, CAs and signers are this machine's: given to each run (never queued).
  const transport = transportArgs(raw, io.env, io.cwd);
  const { Worker, DelayedError, UnrecoverableError } = await loadBullmq();
  const { Redis } = await import('ioredis');
  const store = new Redis(connection);
  const beforeRequest = limits.size > 0 ? createRateLimiter(queue, limits, store) : undefined;
  const say = (line: string): void => {
    io.stdout.write(`${new Date().toISOString()} ${line}\n`);
  };
  let draining = false;
  const plans = createPlanCache(PLANS_KEPT);

  const handle = async (job: Job<RunJobData, RunJobResult>, token?: string): Promise<RunJobResult> => {
    const runId = String(job.id);
    if (job.data?.format !== JOB_FORMAT) throw new UnrecoverableError(`${INVALID_PREFIX} job ${runId} is not an arazzo run`);
    const key = checkpointKey(queue, runId);
    const saved = await store.getBuffer(key);
    say(`run ${runId} ${saved ? 'continues' : 'starts'} ${job.data.workflowId}`);
    const outcome = await runJob(job.data, runId, queue, parkAfterMs, {
      runCli: context.runCli,
      checkpoint: saved ? unpackCheckpoint(saved) : undefined,
      writeCheckpoint: async (checkpoint) => CHECKPOINT_OUTCOMES[Number(await store.eval(SAVE_CHECKPOINT, 3, `${worker.toKey(runId)}:lock`, key, cancelKey(queue, runId), token ?? '', packCheckpoint(checkpoint)))] ?? 'lost',
      env: io.env,
      log: (line) => io.stderr.write(`[${runId}] ${line}\n`),
      draining: () => draining,
      loadPlan: plans,
      transportArgs: transport,
      ...(beforeRequest ? { beforeRequest } : {}),
    });
    if (outcome.kind === 'lost') {
      say(`run ${runId} stopped here: this worker lost the job's lock (stalled past --lock-duration) and another worker carries the run on`);
      // Nothing to record: the job is another worker's now (DelayedError tells BullMQ to leave it as it is).
      throw new DelayedError();
    }
    if (outcome.kind === 'parked') {
      say(`run ${runId} waits until ${new Date(outcome.until).toISOString()} (delayed job)`);
      await job.moveToDelayed(outcome.until, token);
      throw new DelayedError();
    }
    rmSync(runFolder(queue, runId), { recursive: true, force: true });
    if (outcome.kind === 'invalid') throw new UnrecoverableError(`${INVALID_PREFIX} ${outcome.message}`);
    return outcome.result;
  };
  // The checkpoint goes, and the end is told, only once the job is completed or failed: a worker
  // killed before that leaves the checkpoint, and the next one reports the ended run from it.
  const forget = (runId: string): void => {
    store.del(checkpointKey(queue, runId), cancelKey(queue, runId)).catch((error: Error) => io.stderr.write(`worker: ${error.message}\n`));
  };

  const worker = new Worker<RunJobData, RunJobResult>(queue, handle, {
    connection,
    concurrency,
    lockDuration,
    stalledInterval: Math.max(1000, Math.round(lockDuration / 2)),
    // A run that outlives several workers is still one run: stalls are how runs move, not failures.
    maxStalledCount: 1000,
  });
  worker.on('error', (error) => io.stderr.write(`worker: ${error.message}\n`));
  worker.on('completed', (job, result) => {
    say(`run ${String(job.id)} ${String(result.result?.status ?? 'ended')} (exit ${result.exitCode})`);
    forget(String(job.id));
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    say(`run ${String(job.id)} ${error.message.startsWith(INVALID_PREFIX) ? 'refused' : 'failed'}: ${error.message.replace(INVALID_PREFIX, '').trim().split('\n')[0]}`);
    forget(String(job.id));
  });
  await worker.waitUntilReady();
  say(`worker on queue ${queue} at ${describeRedis(redis)}, ${concurrency} at a time${limits.size > 0 ? `, at most ${[...limits].map(([source, n]) => `${n}/s to ${source}`).join(', ')}` : ''}`);
  await context.stop;
  draining = true;
  say('stopping: runs hand themselves back at their next wait');
  const closed = worker.close();
  const timedOut = await Promise.race([closed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), drainMs).unref())]);
  if (timedOut) {
    say('drain timeout: the runs still going are left to another worker (stalled-job recovery)');
    await worker.close(true);
    store.disconnect();
    context.hardExit?.(EXIT.ok);
    return EXIT.ok;
  }
  await store.quit();
  say('stopped');
  return EXIT.ok;
}
