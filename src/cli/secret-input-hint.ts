/**
 * A missing secret input (a token) is better passed through the environment or a file than as
 * `--input apiToken=…`, which lands in shell history and in every process listing.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { envSpellings } from '../inputs/env-inputs.js';
import { isSecretInput } from '../report/redact.js';

export function hintSecretInputs(diagnostics: readonly Diagnostic[], schema: unknown): Diagnostic[] {
  return diagnostics.map((d) => {
    const name = d.code === 'input-missing' ? /Required input "([^"]+)"/.exec(d.message)?.[1] : undefined;
    if (name === undefined || !isSecretInput(schema, name)) return d;
    const variable = envSpellings(name).at(-1)!;
    return { ...d, hint: `It is a secret: set ${variable} in the environment, or pass --input ${name}=@file to read it from a file (a value on the command line stays in shell history and process lists).` };
  });
}
