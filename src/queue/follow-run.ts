/** `submit --wait` and `status --wait`: follows a queued run to its end, then prints what `run` would. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import type { RunJobResult } from './job-data.js';

/** A worker refused the run before sending anything (its own exit 2): the job failed with this prefix. */
export const INVALID_PREFIX = 'invalid:';

export async function followRun(queue: Queue, runId: string, io: CliIo, json: boolean, everyMs = 250): Promise<number> {
  for (;;) {
    // The state first, then the job: a job read before its state would miss a result that came between.
    const state = await queue.getJobState(runId);
    const final = state === 'completed' || state === 'failed';
    const ended = final ? await queue.getJob(runId) : undefined;
    if (state === 'unknown' || (final && !ended)) {
      io.stderr.write(`error: run ${runId} is not in queue ${queue.name} (finished runs are kept for --keep, 7 days by default)\n`);
      return EXIT.failed;
    }
    if (ended && state === 'completed') {
      const done = ended.returnvalue as RunJobResult;
      if (done.result) io.stdout.write(`${JSON.stringify(json ? { runId, ...done.result } : done.result.outputs ?? {}, null, 2)}\n`);
      if (!json) io.stderr.write(`run ${runId} ${String(done.result?.status ?? 'ended')} (exit ${done.exitCode})\n`);
      return done.exitCode;
    }
    if (ended && state === 'failed') {
      const reason = ended.failedReason ?? 'no reason given';
      io.stderr.write(`error: run ${runId} could not run on the worker: ${reason.replace(INVALID_PREFIX, '').trim()}\n`);
      return reason.startsWith(INVALID_PREFIX) ? EXIT.invalid : EXIT.failed;
    }
    await sleep(everyMs);
  }
}
