/**
 * Loads an Arazzo document written by a test (plus the OpenAPI fixtures it names) from a
 * temporary directory, and runs it with the real undici port against loopback servers. Time is a
 * recording clock: waits are recorded, not slept, so tests assert on the delays asked for without
 * depending on timing.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { RunEvent } from '../../../src/engine/events.js';
import type { Clock } from '../../../src/engine/ports.js';
import type { RunResult } from '../../../src/engine/run-result.js';
import { runWorkflow, type RunOptions } from '../../../src/engine/run-workflow.js';
import { createUndiciHttpPort } from '../../../src/http/undici-http-port.js';
import { loadPlan, type LoadedPlan } from '../../../src/cli/load-plan.js';
import type { LoadOptions } from '../../../src/load/load-workspace.js';
import { sharedPath } from '../../support/shared-path.js';
import type { ApiServer } from './api-server.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/conformance');
export const SPEC_EXAMPLES = sharedPath('reference/arazzo/examples/1.0.0');

/** A temporary directory holding `files` (name → text) and a copy of the fixture API. */
export function writeWorkspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-conformance-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(FIXTURES, 'api.openapi.yaml'), path.join(dir, 'api.openapi.yaml'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export interface LoadedDocument extends LoadedPlan {
  file: string;
  dir: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** Writes `arazzo` as flow.arazzo.yaml (beside `files`) and loads it as `run` and `lint` do. */
export async function loadDocument(arazzo: string, files: Record<string, string> = {}, options: LoadOptions = {}): Promise<LoadedDocument> {
  const dir = writeWorkspace({ ...files, 'flow.arazzo.yaml': arazzo });
  return loadFile(path.join(dir, 'flow.arazzo.yaml'), options, dir);
}

export async function loadFile(file: string, options: LoadOptions = {}, dir = path.dirname(file)): Promise<LoadedDocument> {
  const loaded = await loadPlan(file, options);
  return {
    ...loaded,
    file,
    dir,
    errors: loaded.diagnostics.filter((d) => d.severity === 'error'),
    warnings: loaded.diagnostics.filter((d) => d.severity === 'warning'),
  };
}

export const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code);

export interface RecordingClock extends Clock {
  sleeps: number[];
}

/** Real wall time plus the waits asked for; sleep() returns at once. */
export function recordingClock(): RecordingClock {
  let advanced = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now() + advanced,
    sleep: async (ms) => {
      sleeps.push(ms);
      advanced += ms;
    },
  };
}

export interface RunSetup {
  /** One server for every source, or one per source name. */
  api?: ApiServer | Record<string, ApiServer>;
  inputs?: Record<string, unknown>;
  workflowId?: string;
  files?: Record<string, string>;
  load?: LoadOptions;
  options?: Partial<RunOptions>;
  /** Error codes to run despite: the runtime guard behind a lint error (e.g. workflow-cycle). */
  allowErrors?: readonly string[];
  /** Sees every event as it happens (e.g. to cancel at a boundary). */
  onEvent?: (event: RunEvent) => void;
}

export interface DocumentRun {
  result: RunResult;
  loaded: LoadedDocument;
  events: RunEvent[];
  sleeps: number[];
}

export async function runDocument(arazzo: string, setup: RunSetup = {}): Promise<DocumentRun> {
  const loaded = await loadDocument(arazzo, setup.files, setup.load);
  return runLoaded(loaded, setup);
}

/** Runs a loaded document; a document with errors is a test bug, so it throws with them. */
export async function runLoaded(loaded: LoadedDocument, setup: RunSetup = {}): Promise<DocumentRun> {
  const errors = loaded.errors.filter((d) => !setup.allowErrors?.includes(d.code));
  if (errors.length > 0) {
    throw new Error(`the document has errors:\n${errors.map((d) => `  ${d.code} ${d.pointer ?? ''}: ${d.message}`).join('\n')}`);
  }
  const root = loaded.plan.documents.get(loaded.plan.rootKey)!;
  const workflowId = setup.workflowId ?? [...root.workflows.keys()][0]!;
  const clock = recordingClock();
  const events: RunEvent[] = [];
  const http = createUndiciHttpPort();
  onTestFinished(() => http.close());
  const result = await runWorkflow(loaded.plan, workflowId, setup.inputs ?? {}, {
    http,
    clock,
    events: (event) => {
      events.push(event);
      setup.onEvent?.(event);
    },
    pollIntervalMs: 0,
    requestTimeoutMs: 5_000,
    servers: serversFor(loaded, setup.api),
    ...setup.options,
  });
  return { result, loaded, events, sleeps: clock.sleeps };
}

function serversFor(loaded: LoadedDocument, api: RunSetup['api']): Record<string, string> {
  if (api === undefined) return {};
  if (typeof (api as ApiServer).url === 'string') {
    const names = [...loaded.plan.documents.values()].flatMap((d) => Object.keys(d.sourceDescriptions));
    return Object.fromEntries(names.map((name) => [name, (api as ApiServer).url]));
  }
  return Object.fromEntries(Object.entries(api as Record<string, ApiServer>).map(([name, server]) => [name, server.url]));
}

/** The step record of one step in a result. */
export function stepOf(result: RunResult, stepId: string, workflowId?: string): RunResult['steps'][number] {
  const record = result.steps.find((s) => s.stepId === stepId && (workflowId === undefined || s.workflowId === workflowId));
  if (!record) throw new Error(`no record of step ${stepId}`);
  return record;
}

/** The usual head of a test document: one OpenAPI source "api" (the fixture API). */
export function arazzo(workflows: string, extra = ''): string {
  return `arazzo: 1.0.1
info: { title: conformance, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
${extra}workflows:
${workflows}`;
}
