/**
 * Finds and reads `arazzo.config.yaml` (issue 12 item 13): upward from the working directory, or
 * the file `--config` names. Every problem is a diagnostic with the file and line — an unknown key
 * lists the known ones — and the caller exits 2 before anything is sent.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYamlText } from '../document/parse-yaml.js';
import type { ArazzoConfig } from './config-shape.js';
import { checkConfig } from './check-config.js';

export const CONFIG_NAMES = ['arazzo.config.yaml', 'arazzo.config.yml'];

export type ConfigResult = { ok: true; config?: ArazzoConfig } | { ok: false; diagnostics: Diagnostic[] };

/** The nearest config file in `cwd` or a folder above it. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(path.join(dir, name))) return path.join(dir, name);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `named`: the --config path; undefined: search upward. */
export async function readConfig(cwd: string, named?: string): Promise<ConfigResult> {
  const file = named !== undefined ? path.resolve(cwd, named) : findConfigFile(cwd);
  if (file === undefined) return { ok: true };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, diagnostics: [makeDiagnostic(missing ? 'config-not-found' : 'config-invalid', 'error', `Config file ${file} cannot be read: ${(error as Error).message}`, { file, hint: missing ? 'Check the --config path, or drop --config to search for arazzo.config.yaml.' : 'Check the permissions.' })] };
  }
  const parsed = parseYamlText(text, file);
  if (parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics };
  return checkConfig(parsed.value, file, parsed.sourceMap);
}
