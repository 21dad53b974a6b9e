/** What `run --state-file` writes besides the state: the documents' hashes, settings, secret names. */
import path from 'node:path';
import { RUN_STATE_VERSION } from '../engine/run-state.js';
import type { LoadedPlan } from '../load/load-plan.js';
import { isSecretInput } from '../report/redact.js';
import type { StateFileHeader } from './execute-run.js';
import type { RunSettings } from './run-flags.js';
import { documentLocations, hashDocuments, STATE_FILE_FORMAT } from './state-file.js';
import type { SecretValues } from './state-secrets.js';

export async function stateFileHeader(loaded: LoadedPlan, file: string, workflowId: string, settings: RunSettings, cwd: string): Promise<StateFileHeader> {
  const reports = Object.fromEntries(Object.entries(settings.reports).map(([kind, target]) => [kind, path.resolve(cwd, target as string)]));
  const { log: _log, ...kept } = settings;
  return {
    format: STATE_FILE_FORMAT,
    version: RUN_STATE_VERSION,
    file: path.resolve(cwd, file),
    workflowId,
    documents: await hashDocuments(documentLocations(loaded.workspace)),
    settings: { ...kept, reports },
    secretInputs: [],
    resumedAt: [],
  };
}

/** The secret inputs of the root workflow with a value: left out of the state file by name. */
export function secretInputsOf(schema: unknown, inputs: Readonly<Record<string, unknown>>): SecretValues {
  return Object.entries(inputs).flatMap(([name, value]) =>
    isSecretInput(schema, name) && (typeof value === 'string' || typeof value === 'number') ? [[name, value] as const] : []);
}
