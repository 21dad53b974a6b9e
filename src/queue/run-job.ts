/**
 * One queued run on a worker, through the CLI's own path, in this process: the first time
 * `arazzo run <file> --state-file …`, after that `arazzo resume …` from the checkpoint the last
 * worker left in Redis (a delayed poll, a worker that was killed or stopped). The documents are
 * written under a folder of the job, at their original absolute paths, so relative references
 * between them resolve as they did on the submitting machine; each is checked against its hash.
 * The run's state file is copied to Redis after every write (it holds no secret), and a wait of
 * `parkAfterMs` or more is handed back so the job can be delayed without holding a worker slot.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo, RunHost } from '../cli/cli-io.js';
import { EXIT } from '../cli/exit-codes.js';
import type { Checkpoint, JobDocument, QueueReport, RunJobData, RunJobResult } from './job-data.js';

export interface JobPorts {
  /** The CLI (main) run in-process. */
  runCli: (argv: readonly string[], io: CliIo) => Promise<number>;
  /** The checkpoint the last worker left (a delayed poll, a worker that was killed or stopped), if any. */
  checkpoint: Checkpoint | undefined;
  /**
   * 'lost' when this worker no longer holds the job's lock (another worker has taken the run over,
   * nothing written); 'cancelled' once someone ran `arazzo cancel` on the run (written).
   */
  writeCheckpoint: (checkpoint: Checkpoint) => Promise<'saved' | 'lost' | 'cancelled'>;
  env: Readonly<Record<string, string | undefined>>;
  /** The run's progress and problem lines (already masked by the run). */
  log: (line: string) => void;
  /** Hand waits back from now on, whatever their length (the worker is stopping). */
  draining: () => boolean;
  /** The worker's loaded plans: a resumed run reuses its documents' plan instead of loading them again. */
  loadPlan?: RunHost['loadPlan'];
  /** The worker's transport flags (--proxy, --cert, --key, --ca, --insecure, --sign), for every run and resume. */
  transportArgs?: readonly string[];
  /** The worker's per-source request budget (--limit), awaited before each request. */
  beforeRequest?: (source: string | undefined) => Promise<void>;
}

export type JobOutcome =
  | { kind: 'done'; result: RunJobResult }
  | { kind: 'parked'; until: number }
  /** The job's lock was lost mid-run (this worker stalled): the run was stopped before its next request. */
  | { kind: 'lost' }
  | { kind: 'invalid'; message: string };

const safeName = (name: string): string => name.replace(/[^A-Za-z0-9_.-]/g, '_');
const workerRoot = (queue: string): string => path.join(os.tmpdir(), 'arazzo-worker', safeName(queue));

/** Where a run's state file lives on this machine while its job is running. */
export const runFolder = (queue: string, runId: string): string => path.join(workerRoot(queue), 'runs', safeName(runId));

/**
 * The job's documents on this machine, in a folder named by their hashes, at their original
 * absolute paths inside it: written once (checked against the hashes) and never changed, so every
 * run of the same documents, and every resume, finds them at the same paths and a worker can
 * keep their plan loaded.
 */
function placeDocuments(queue: string, documents: readonly JobDocument[]): { ok: true; root: string } | { ok: false; message: string } {
  const id = createHash('sha256').update(documents.map((d) => `${d.location}\0${d.sha256}`).join('\n')).digest('hex').slice(0, 32);
  const root = path.join(workerRoot(queue), 'documents', id);
  if (existsSync(root)) return { ok: true, root };
  const staging = `${root}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    for (const document of documents) {
      if (createHash('sha256').update(document.text).digest('hex') !== document.sha256) {
        return { ok: false, message: `${document.location} does not match its hash in the job; submit the run again` };
      }
      const local = path.join(staging, path.resolve(document.location));
      mkdirSync(path.dirname(local), { recursive: true });
      writeFileSync(local, document.text, { mode: 0o600 });
    }
    // Another job of this worker may have placed the same documents meanwhile: theirs stay.
    if (!existsSync(root)) renameSync(staging, root);
  } catch (error) {
    if (!existsSync(root)) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { ok: true, root };
}

export async function runJob(data: RunJobData, runId: string, queue: string, parkAfterMs: number, ports: JobPorts): Promise<JobOutcome> {
  const placed = placeDocuments(queue, data.documents);
  if (!placed.ok) return { kind: 'invalid', message: placed.message };
  const { root } = placed;
  const local = (location: string): string => path.join(root, path.resolve(location));
  mkdirSync(runFolder(queue, runId), { recursive: true });
  const statePath = path.join(runFolder(queue, runId), 'run-state.json');
  const { checkpoint } = ports;
  if (checkpoint) writeFileSync(statePath, moveRoot(checkpoint.text, checkpoint.root, root), { mode: 0o600 });

  let stdout = '';
  let stderr = '';
  let pending = '';
  let parkedUntil: number | undefined;
  let lost = false;
  const abort = new AbortController();
  const host: RunHost = {
    // A checkpoint is written before each request, so a worker that lost the run sends nothing more.
    checkpoint: async (text) => {
      if (lost) return;
      const written = await ports.writeCheckpoint({ root, text });
      lost = written === 'lost';
      if (written !== 'saved') abort.abort();
    },
    ...(ports.beforeRequest ? { beforeRequest: ports.beforeRequest } : {}),
    reportEnded: true,
    ...(ports.loadPlan ? { loadPlan: ports.loadPlan } : {}),
    park: (wait) => {
      if (wait.ms < parkAfterMs && !ports.draining()) return false;
      parkedUntil = wait.until;
      return true;
    },
  };
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr = (stderr + text).slice(-4000);
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (line.trim() !== '') ports.log(line);
      },
    },
    env: ports.env,
    cwd: root,
    signal: abort.signal,
    readStdin: async () => JSON.stringify(data.inputs),
    host,
  };
  const transport = ports.transportArgs ?? [];
  // Reports go beside the state file; their paths are in it, so the segment that ends the run writes them.
  const reportPath = (kind: QueueReport): string => path.join(runFolder(queue, runId), `report.${kind === 'junit' ? 'xml' : kind === 'har' ? 'har' : 'json'}`);
  const reportArgs = (data.reports ?? []).flatMap((kind) => (kind === 'har' ? ['--har', reportPath(kind)] : ['--report', `${kind}=${reportPath(kind)}`]));
  const argv = checkpoint
    ? ['resume', statePath, '--json', '--no-color', ...transport]
    : ['run', local(data.file), '--workflow', data.workflowId, '--json', '--no-color', '--state-file', statePath, ...data.runArgs, ...reportArgs, ...transport, '--inputs', '-'];
  const exitCode = await ports.runCli(argv, io);
  if (pending.trim() !== '') ports.log(pending);
  if (lost) return { kind: 'lost' };
  if (parkedUntil !== undefined) return { kind: 'parked', until: parkedUntil };
  if (exitCode === EXIT.invalid) return { kind: 'invalid', message: lastError(stderr) };
  return { kind: 'done', result: { exitCode, ...parsed(stdout), ...readReports(data.reports ?? [], reportPath) } };
}

function readReports(kinds: readonly QueueReport[], at: (kind: QueueReport) => string): { reports?: Partial<Record<QueueReport, string>> } {
  const reports: Partial<Record<QueueReport, string>> = {};
  for (const kind of kinds) if (existsSync(at(kind))) reports[kind] = readFileSync(at(kind), 'utf8');
  return kinds.length > 0 ? { reports } : {};
}

/** A checkpoint written by a worker with another temporary folder names its documents (and report paths) there. */
function moveRoot(text: string, from: string, to: string): string {
  if (from === to) return text;
  const state = JSON.parse(text) as { file: string; documents: Record<string, string> };
  const moved = (location: string): string => (location.startsWith(`${from}${path.sep}`) ? path.join(to, location.slice(from.length)) : location);
  state.file = moved(state.file);
  state.documents = Object.fromEntries(Object.entries(state.documents).map(([location, hash]) => [moved(location), hash]));
  return JSON.stringify(state);
}

function parsed(stdout: string): { result?: Record<string, unknown> } {
  try {
    return { result: JSON.parse(stdout) as Record<string, unknown> };
  } catch {
    return {};
  }
}

const lastError = (stderr: string): string => stderr.split('\n').filter((line) => line.trim() !== '').slice(-6).join('\n') || 'the run was refused (exit 2)';
