/** `submit --wait` and `status --wait`: follows a queued run to its end, then prints what `run` would. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import type { ReportTargets } from '../cli/run-flags.js';
import { QUEUE_REPORTS, type QueueReport, type RunJobResult } from './job-data.js';

/** A worker refused the run before sending anything (its own exit 2): the job failed with this prefix. */
export const INVALID_PREFIX = 'invalid:';

/** `reports`: where to write the reports the run kept (submit --report/--har), once it ended. */
export async function followRun(queue: Queue, runId: string, io: CliIo, json: boolean, reports: ReportTargets = {}, everyMs = 250): Promise<number> {
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
      const written = await writeKeptReports(done, reports, io);
      return written ? done.exitCode : EXIT.invalid;
    }
    if (ended && state === 'failed') {
      const reason = ended.failedReason ?? 'no reason given';
      io.stderr.write(`error: run ${runId} could not run on the worker: ${reason.replace(INVALID_PREFIX, '').trim()}\n`);
      return reason.startsWith(INVALID_PREFIX) ? EXIT.invalid : EXIT.failed;
    }
    await sleep(everyMs);
  }
}

/**
 * Writes the reports a finished run kept to the paths asked for. A kind the run did not keep (not
 * asked for at submit) is an error that says so; false when any could not be written.
 */
export async function writeKeptReports(done: RunJobResult, targets: ReportTargets, io: CliIo): Promise<boolean> {
  let ok = true;
  for (const [kind, target] of Object.entries(targets) as Array<[string, string]>) {
    const text = (QUEUE_REPORTS as readonly string[]).includes(kind) ? done.reports?.[kind as QueueReport] : undefined;
    if (text === undefined) {
      io.stderr.write(`error: the run kept no ${kind} report\n  hint: ask for it when you submit: arazzo submit … --report ${kind}=<path> (json, junit and har can be kept)\n`);
      ok = false;
      continue;
    }
    try {
      const file = path.resolve(io.cwd, target);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    } catch (error) {
      io.stderr.write(`error: cannot write the ${kind} report to ${target}: ${(error as Error).message}\n`);
      ok = false;
    }
  }
  return ok;
}
