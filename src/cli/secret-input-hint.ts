/**
 * A missing secret input (a token) is better passed through the environment or a file than as
 * `--input apiToken=…`, which lands in shell history and in every process listing.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { envSpellings } from '../inputs/env-inputs.js';
import type { GatheredInputs } from '../inputs/gather-inputs.js';
import { isSecretInput } from '../report/redact.js';
import { isCi } from '../report/detect-terminal.js';
import type { CliIo } from './cli-io.js';

const missingName = (d: Diagnostic): string | undefined => (d.code === 'input-missing' ? /Required input "([^"]+)"/.exec(d.message)?.[1] : undefined);

export function hintSecretInputs(diagnostics: readonly Diagnostic[], schema: unknown): Diagnostic[] {
  return diagnostics.map((d) => {
    const name = missingName(d);
    if (name === undefined || !isSecretInput(schema, name)) return d;
    const variable = envSpellings(name).at(-1)!;
    return { ...d, hint: `It is a secret: set ${variable} in the environment, or pass --input ${name}=@file to read it from a file (a value on the command line stays in shell history and process lists).` };
  });
}

/**
 * On a terminal (never in CI, never when stdin carries input values), the secret inputs that are
 * the only problem are asked for with echo off, then the inputs are gathered again with them in
 * the environment — the same typing and validation as ARAZZO_INPUT_<NAME>.
 */
export async function promptMissingSecrets(
  gathered: GatheredInputs,
  target: { workflowId: string; schema: unknown },
  io: CliIo,
  stdinUsed: boolean,
  gatherAgain: (env: Readonly<Record<string, string | undefined>>) => Promise<GatheredInputs>,
): Promise<GatheredInputs> {
  if (gathered.ok || !io.promptSecret || stdinUsed || isCi(io.env)) return gathered;
  const names = gathered.diagnostics.map(missingName);
  if (names.some((name) => name === undefined || !isSecretInput(target.schema, name))) return gathered;
  const env: Record<string, string | undefined> = { ...io.env };
  for (const name of names as string[]) {
    const value = await io.promptSecret(`${name} (secret input of ${target.workflowId}; typing is not shown): `);
    if (value === undefined || value === '') return gathered;
    env[envSpellings(name).at(-1)!] = value;
  }
  return gatherAgain(env);
}
