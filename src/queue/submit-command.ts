/**
 * `arazzo submit <file>`: checks the run exactly as `arazzo run` does (document, workflow, inputs,
 * servers: exit 2 with nothing enqueued) except that secret inputs may be left to the workers'
 * environment, then enqueues it on a BullMQ queue with its documents and
 * non-secret inputs, and prints the run id. `--wait` follows the run to its end and exits 0/1 like
 * `run`, printing its result.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import { parseDuration, UsageError } from '../cli/parse-cli-values.js';
import { loadRunFile, prepareRun } from '../cli/run-command.js';
import { readRunFlags } from '../cli/run-flags.js';
import { selectWorkflow } from '../cli/select-workflow.js';
import { documentLocations } from '../cli/state-file.js';
import { requiredInputs } from '../inputs/required-inputs.js';
import { isSecretInput } from '../report/redact.js';
import { DEFAULT_REDIS, describeRedis, loadBullmq, queueName, redisOptions } from './connection.js';
import { JOB_FORMAT, QUEUE_REPORTS, type JobDocument, type RunJobData } from './job-data.js';
import { followRun } from './follow-run.js';

/** Run flags that shape the run and travel with it, as given on the command line. */
const FORWARDED: ReadonlyArray<readonly [key: string, flag: string]> = [
  ['server', '--server'], ['serverVariable', '--server-variable'], ['pollInterval', '--poll-interval'], ['maxSteps', '--max-steps'],
  ['timeout', '--timeout'], ['requestTimeout', '--request-timeout'], ['maxResponseBytes', '--max-response-bytes'],
  ['maxRetryAfter', '--max-retry-after'], ['responseChecks', '--response-checks'],
];

export async function submitCommand(file: string, raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const redis = String(raw.redis ?? io.env.ARAZZO_REDIS ?? DEFAULT_REDIS);
  const connection = redisOptions(redis);
  const queue = queueName(raw.queue as string | undefined);
  const keepSeconds = Math.round(parseDuration(String(raw.keep ?? '168h'), '--keep') / 1000);
  const { flags, settings } = readRunFlags({ ...raw, dryRun: true, json: raw.json === true });
  const loaded = await loadRunFile(file, flags, settings.reports, io);
  if (typeof loaded === 'number') return loaded;
  const workflow = selectWorkflow(loaded.plan, flags.workflow);
  let inputs: Record<string, unknown> = {};
  const checked = await prepareRun({ file, loaded, workflow, flags, settings, io, validated: (valid) => (inputs = valid), secretsOnWorker: true });
  if (typeof checked === 'number') return checked;

  const kept = QUEUE_REPORTS.filter((kind) => settings.reports[kind] !== undefined);
  const unkept = Object.keys(settings.reports).filter((kind) => !(QUEUE_REPORTS as readonly string[]).includes(kind));
  if (unkept.length > 0) throw new UsageError(`a queued run keeps json, junit and har reports, not ${unkept.join(', ')}`, 'Drop that --report, or run the workflow with arazzo run.');
  // Given here or not, a secret input's value comes from the worker's environment.
  const secretInputs = [...new Set([...Object.keys(inputs), ...requiredInputs(workflow.inputsSchema)])].filter((name) => isSecretInput(workflow.inputsSchema, name));
  const data: RunJobData = {
    format: JOB_FORMAT,
    version: 1,
    file: loaded.plan.rootKey,
    workflowId: workflow.workflowId,
    documents: await readDocuments(documentLocations(loaded.workspace)),
    inputs: Object.fromEntries(Object.entries(inputs).filter(([name]) => !secretInputs.includes(name))),
    secretInputs,
    runArgs: forwardedArgs(raw),
    submittedAt: new Date().toISOString(),
    ...(kept.length > 0 ? { reports: kept } : {}),
  };
  const { Queue } = await loadBullmq();
  const jobs = new Queue(queue, { connection });
  try {
    const job = await jobs.add(workflow.workflowId, data, { removeOnComplete: { age: keepSeconds }, removeOnFail: { age: keepSeconds } });
    const runId = String(job.id);
    if (raw.wait !== true) {
      io.stdout.write(flags.json ? `${JSON.stringify({ runId, queue, workflowId: workflow.workflowId, redis: describeRedis(redis) })}\n` : `${runId}\n`);
      if (!flags.json) io.stderr.write(`submitted ${workflow.workflowId} to queue ${queue} on ${describeRedis(redis)}; follow it with: arazzo status ${runId}${secretInputs.length > 0 ? ` (workers need ${secretInputs.map((n) => `ARAZZO_INPUT_${n}`).join(', ')})` : ''}\n`);
      return EXIT.ok;
    }
    io.stderr.write(`submitted run ${runId} (${workflow.workflowId}); waiting for a worker…\n`);
    return await followRun(jobs, runId, io, flags.json === true, Object.fromEntries(kept.map((kind) => [kind, settings.reports[kind]!])));
  } finally {
    await jobs.close();
  }
}

async function readDocuments(locations: readonly string[]): Promise<JobDocument[]> {
  const documents: JobDocument[] = [];
  // Remote documents are not shipped: the worker downloads them as run does.
  for (const location of locations.filter((l) => !/^https?:\/\//i.test(l))) {
    const text = await readFile(location, 'utf8');
    documents.push({ location, sha256: createHash('sha256').update(text).digest('hex'), text });
  }
  return documents;
}

function forwardedArgs(raw: Record<string, unknown>): string[] {
  const args: string[] = [];
  for (const [key, flag] of FORWARDED) {
    const value = raw[key];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) args.push(flag, String(item));
  }
  return args;
}
