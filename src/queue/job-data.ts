/**
 * What travels with a queued run (issue 15): the documents' text and hashes, so a worker on another
 * machine runs exactly what was submitted; the inputs minus the secret ones (a worker takes those
 * from its own environment, ARAZZO_INPUT_<NAME>); the run flags that shape the run. No secret is in
 * it. The run's checkpoint (the state file's text) is kept beside it under its own key, so the
 * documents are not rewritten to Redis on every transition.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export const JOB_FORMAT = 'arazzo-run-job';

export interface JobDocument {
  /** Absolute path on the machine that submitted the run. */
  location: string;
  sha256: string;
  text: string;
}

export interface RunJobData {
  format: typeof JOB_FORMAT;
  version: 1;
  /** The Arazzo document the run starts from (one of `documents`). */
  file: string;
  workflowId: string;
  documents: JobDocument[];
  inputs: Record<string, unknown>;
  /** Secret inputs left out: the worker needs ARAZZO_INPUT_<NAME> for each. */
  secretInputs: string[];
  /** `arazzo run` flags forwarded to the worker's run (servers, limits, response checks). */
  runArgs: string[];
  submittedAt: string;
  /** Reports the run's result keeps (submit --report / --har): written by the worker's run, read back into the result. */
  reports?: QueueReport[];
}

export type QueueReport = 'json' | 'junit' | 'har';
export const QUEUE_REPORTS: readonly QueueReport[] = ['json', 'junit', 'har'];

/** What a finished job returns: the exit code `arazzo run` would have given and its --json result. */
export interface RunJobResult {
  exitCode: number;
  result?: Record<string, unknown>;
  /** The text of each report asked for at submit, as the run wrote it (masked like every report). */
  reports?: Partial<Record<QueueReport, string>>;
}

export const checkpointKey = (queue: string, runId: string): string => `arazzo:${queue}:checkpoint:${runId}`;

/** A run's checkpoint: the state file's text and the folder its documents were placed in. */
export interface Checkpoint {
  root: string;
  text: string;
}

/**
 * Checkpoints are stored deflated: a poll adds a near-copy of the previous timeline entry to the
 * state, which deflate stores in a few bytes instead of about 160, so Redis memory stays level
 * while thousands of runs poll (issue 15, bench queue-carry). A value written as plain JSON (by
 * an earlier version) is still read.
 */
export function packCheckpoint(checkpoint: Checkpoint): Buffer {
  return deflateSync(JSON.stringify(checkpoint));
}

export function unpackCheckpoint(stored: Buffer): Checkpoint {
  const text = stored[0] === 0x7b ? stored.toString('utf8') : inflateSync(stored).toString('utf8');
  return JSON.parse(text) as Checkpoint;
}
export const cancelKey = (queue: string, runId: string): string => `arazzo:${queue}:cancel:${runId}`;
