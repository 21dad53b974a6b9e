/** `--inputs <file.json|file.yaml|->`: a mapping of input names to already-typed values. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import { parseYamlText } from '../document/parse-yaml.js';
import type { InputReaders, ValueText } from './read-input-value.js';

export type InputsFile = { ok: true; file: string; values: Record<string, unknown> } | { ok: false; diagnostics: Diagnostic[] };

export async function readInputsFile(given: string, readers: InputReaders, stdin: (who: string) => Promise<ValueText>): Promise<InputsFile> {
  const file = given === '-' ? '<stdin>' : path.resolve(readers.cwd, given);
  const text = given === '-' ? await stdin('--inputs -') : await readLocal(file);
  if (!text.ok) return { ok: false, diagnostics: [makeDiagnostic(text.problem.code, 'error', text.problem.message, { file, ...(text.problem.hint ? { hint: text.problem.hint } : {}) })] };
  const parsed = /\.json$/i.test(file) ? parseJsonText(text.text, file, given) : parseYamlText(text.text, file);
  // An inputs file may hold secrets, and a line that does not parse was never read as one: no excerpt.
  if (parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics.map(({ sourceLine: _line, ...d }) => d) };
  if (parsed.value === undefined || parsed.value === null) return { ok: true, file, values: {} };
  if (!isObject(parsed.value)) {
    return {
      ok: false,
      diagnostics: [makeDiagnostic('inputs-file-invalid', 'error', `--inputs ${given} is not a mapping of input names to values`, { file, line: 1, column: 1, hint: 'Write e.g. {"name": "value"} (JSON) or name: value (YAML).' })],
    };
  }
  return { ok: true, file, values: { ...parsed.value } };
}

/** A .json file is read as JSON, so a syntax error is described as JSON (not as YAML). */
function parseJsonText(text: string, file: string, given: string): { value?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { value: JSON.parse(text) as unknown, diagnostics: [] };
  } catch (error) {
    const reason = (error as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '');
    const at = /at position (\d+)/.exec(reason);
    const offset = at ? Number(at[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    return {
      diagnostics: [makeDiagnostic('inputs-file-json', 'error', `--inputs ${given} is not valid JSON: ${reason}`, { file, line: before.length, column: before.at(-1)!.length + 1, hint: 'Fix the JSON at this line (or name the file .yaml to write YAML).' })],
    };
  }
}

async function readLocal(file: string): Promise<ValueText> {
  try {
    return { ok: true, text: await readFile(file, 'utf8'), from: 'file' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, problem: { code: 'inputs-file-unreadable', message: `--inputs ${file} cannot be read (${code})`, hint: 'Check the path.' } };
  }
}
