/**
 * `--state-file`: the run written down after every transition and before every request, so
 * `arazzo resume` can continue it in another process. Written whole or not at all (a temporary
 * file, fsync, rename over the old one), readable by the owner only (0600), with no secret in it.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setOwn } from '../document/set-own.js';
import type { RunState } from '../engine/run-state.js';
import { RUN_STATE_VERSION } from '../engine/run-state.js';
import type { Workspace } from '../load/load-workspace.js';
import type { JournalSnapshot } from '../report/run-journal.js';
import type { RunSettings } from './run-flags.js';

export const STATE_FILE_FORMAT = 'arazzo-run-state';

export interface StateFile {
  format: typeof STATE_FILE_FORMAT;
  version: typeof RUN_STATE_VERSION;
  /** The Arazzo document the run started from (absolute). */
  file: string;
  workflowId: string;
  /** Every document the run read → sha256 of its text ("remote" for URLs, which are not re-fetched). */
  documents: Record<string, string>;
  /** The run's settings, reused on resume. */
  settings: Omit<RunSettings, 'log'>;
  /** Secret inputs left out of the file; resume needs them again. */
  secretInputs: string[];
  /** Whether other secrets (learned during the run) had to be masked, so resume cannot restore them. */
  secretsMasked: boolean;
  state: RunState;
  journal: JournalSnapshot;
  /** When the run was resumed, each time (ISO). */
  resumedAt: string[];
  savedAt: string;
}

/**
 * Written whole, then renamed over the old file, so a crash leaves one or the other. Synchronous
 * on purpose: the driver waits for the write before it sends anything, so there is nothing to
 * overlap, and five thread-pool round trips per transition (open, write, fsync, close,
 * rename) cost more than the calls themselves (bench/ figure 5).
 */
export function writeStateFile(target: string, text: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeFileSync(fd, text, 'utf8');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, target);
}

/** The state file's text; `journalJson` is the journal already encoded (journal-json.ts). */
export const stateFileText = (content: Omit<StateFile, 'journal'>, journalJson: string): string => `${JSON.stringify(content).slice(0, -1)},"journal":${journalJson}}\n`;

export type ReadStateFile = { ok: true; content: StateFile } | { ok: false; message: string; hint?: string };

export async function readStateFile(file: string): Promise<ReadStateFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read the state file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, hint: 'Pass the path given to arazzo run --state-file.' };
  }
  let content: Partial<StateFile>;
  try {
    content = JSON.parse(text) as Partial<StateFile>;
  } catch (error) {
    return { ok: false, message: `${file} is not a state file: ${(error as Error).message}` };
  }
  if (content?.format !== STATE_FILE_FORMAT) return { ok: false, message: `${file} is not an arazzo state file` };
  if (content.version !== RUN_STATE_VERSION || content.state?.version !== RUN_STATE_VERSION) {
    return { ok: false, message: `${file} was written by another version of arazzo (state version ${String(content.version)}; this one reads ${RUN_STATE_VERSION})`, hint: 'Resume it with the arazzo version that started it.' };
  }
  return { ok: true, content: content as StateFile };
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The run's documents: the Arazzo files and the OpenAPI descriptions they name. */
export function documentLocations(workspace: Workspace): string[] {
  const locations = new Set<string>();
  for (const document of workspace.documents.values()) {
    locations.add(document.key);
    for (const source of document.sources) locations.add(source.location);
  }
  return [...locations];
}

export async function hashDocuments(locations: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const location of locations) {
    const value = /^https?:\/\//i.test(location) ? 'remote' : sha256(await readFile(location).catch(() => Buffer.from('')));
    setOwn(hashes, location, value);
  }
  return hashes;
}

/** The first document whose text is not what the run read (a changed plan cannot continue a run). */
export async function changedDocument(documents: Readonly<Record<string, string>>): Promise<string | undefined> {
  for (const [location, hash] of Object.entries(documents)) {
    if (hash === 'remote') continue;
    const now = await readFile(location).then(sha256, () => 'missing');
    if (now !== hash) return location;
  }
  return undefined;
}

export const absolutePath = (file: string, cwd: string): string => path.resolve(cwd, file);
