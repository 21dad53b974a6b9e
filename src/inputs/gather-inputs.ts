/**
 * Every source of workflow inputs, merged and validated before any request is sent.
 *
 * Precedence, lowest to highest: the schema's `default`s < `--inputs` files (later files win) <
 * `ARAZZO_INPUT_<name>` environment variables < `--input name=value`. Text values (environment,
 * `--input`) are typed by the inputs schema; file values keep their JSON/YAML types. Every
 * problem is collected, so one message lists them all, each naming its input.
 */
import { childPointer, makeDiagnostic, type Diagnostic, type Problem } from '../diagnostics/diagnostic.js';
import { isObject, ownField } from '../document/model.js';
import { suggest } from '../plan/resolve-references.js';
import { coerceInput, propertySchema } from './coerce-inputs.js';
import { inputsFromEnv } from './env-inputs.js';
import { readInputsFile } from './read-inputs-file.js';
import { createStdinOnce, readInputValue, type InputReaders } from './read-input-value.js';
import { validateInputs, type InputValidation } from './validate-inputs.js';
import { setOwn } from '../document/set-own.js';

export interface InputTarget {
  workflowId: string;
  schema: unknown;
  /** Where the workflow is: its document and the workflow object's pointer. */
  file: string;
  pointer: string;
}

export interface InputSources extends InputReaders {
  /** `--inputs` paths, in the order given. */
  files: readonly string[];
  /** `--input name=value` pairs, in the order given. */
  pairs: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

export type GatheredInputs =
  | { ok: true; inputs: Record<string, unknown>; warnings: Diagnostic[]; provided: Record<string, unknown> }
  | { ok: false; diagnostics: Diagnostic[]; provided: Record<string, unknown> };

export async function gatherInputs(target: InputTarget, sources: InputSources): Promise<GatheredInputs> {
  const provided: Record<string, unknown> = {};
  const set = (name: string, value: unknown): void => {
    setOwn(provided, name, value);
  };
  const diagnostics: Diagnostic[] = [];
  const failed = new Set<string>();
  const place = (name: string): { file: string; pointer: string } => ({ file: target.file, pointer: inputPointer(target, name) });
  const stdin = createStdinOnce(sources.readStdin);

  let unreadFile = false;
  for (const given of sources.files) {
    const read = await readInputsFile(given, sources, stdin);
    unreadFile ||= !read.ok;
    if (!read.ok) diagnostics.push(...read.diagnostics);
    else for (const [name, value] of Object.entries(read.values)) set(name, value);
  }
  // Later sources replace earlier ones by name before typing, so an overridden value is never judged.
  const texts = new Map(inputsFromEnv(sources.env, declaredNames(target.schema)).map((e) => [e.name, e.text] as const));
  for (const pair of sources.pairs) {
    const split = splitPair(pair);
    if (!split.ok) {
      diagnostics.push(toDiagnostic(split.problem, { file: target.file }));
      continue;
    }
    const value = await readInputValue(split.name, split.raw, sources, stdin);
    if (value.ok) texts.set(split.name, value.text);
    else {
      failed.add(split.name);
      diagnostics.push(toDiagnostic(value.problem, place(split.name)));
    }
  }
  const otherReadings = new Map<string, string>();
  for (const [name, text] of texts) {
    const coerced = coerceInput(name, text, propertySchema(target.schema, name), target.schema);
    set(name, coerced.ok ? coerced.value : text);
    if (!coerced.ok) {
      failed.add(name);
      diagnostics.push(toDiagnostic(coerced.problem, place(name)));
    } else if (coerced.text !== undefined) otherReadings.set(name, coerced.text);
  }

  let validation = await validateInputs(target.schema, provided);
  const readingWarnings: Diagnostic[] = [];
  for (const [name, text] of otherReadings) {
    const fails = (result: InputValidation): boolean => !result.ok && result.problems.some((p) => p.input === name);
    const asText = { ...provided };
    setOwn(asText, name, text);
    const textFails = fails(await validateInputs(target.schema, asText));
    if (fails(validation) && !textFails) {
      set(name, text);
      validation = await validateInputs(target.schema, provided);
    } else if (!fails(validation) && !textFails) {
      readingWarnings.push(makeDiagnostic('input-reading', 'warning', `Input "${name}" is valid both as JSON (${jsonKind(provided[name])}) and as text; the JSON reading is used`, {
        ...place(name),
        hint: 'To pass the text itself, give it as a quoted string in an --inputs file.',
      }));
    }
  }
  // An inputs file that could not be read probably held the required inputs: its error says it all.
  const schemaProblems = validation.ok ? [] : validation.problems.filter((p) => !failed.has(p.input) && !(unreadFile && p.code === 'input-missing'));
  const declared = declaredNames(target.schema);
  diagnostics.push(...schemaProblems.map((p) => toDiagnostic(p.code === 'input-unknown' ? { ...p, hint: spellingHint(p.input, declared) } : p, place(p.input))));
  // A closed schema (additionalProperties: false) already made an undeclared name an error.
  const unknown = new Set(schemaProblems.filter((p) => p.code === 'input-unknown').map((p) => p.input));
  const warnings = undeclaredWarnings(target, provided).filter((w) => !unknown.has(w.input));
  if (diagnostics.length > 0 || !validation.ok) return { ok: false, diagnostics: [...diagnostics, ...warnings.map((w) => w.diagnostic)], provided };
  return { ok: true, inputs: validation.inputs, warnings: [...readingWarnings, ...warnings.map((w) => w.diagnostic)], provided };
}

const jsonKind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`);

/** `nmae` → 'Did you mean "name"?'; else the declared names. */
function spellingHint(name: string, declared: readonly string[]): string {
  return suggest(name, declared) ?? (declared.length > 0 ? `Declared inputs: ${declared.join(', ')}.` : 'The workflow declares no inputs.');
}

function splitPair(pair: string): { ok: true; name: string; raw: string } | { ok: false; problem: Problem } {
  const index = pair.indexOf('=');
  if (index > 0) return { ok: true, name: pair.slice(0, index), raw: pair.slice(index + 1) };
  return { ok: false, problem: { code: 'input-syntax', message: `--input "${pair}" is not name=value`, hint: 'Write --input name=value (name=@file reads a file, name=- reads stdin).' } };
}

function declaredNames(schema: unknown): string[] {
  const properties = isObject(schema) ? ownField(schema, 'properties') : undefined;
  return isObject(properties) ? Object.keys(properties) : [];
}

/**
 * A name the schema does not declare is allowed (unless additionalProperties says no), but likely
 * a typo: warned about also when other inputs fail, since the typo is often why one is missing.
 */
function undeclaredWarnings(target: InputTarget, provided: Record<string, unknown>): Array<{ input: string; diagnostic: Diagnostic }> {
  const declared = declaredNames(target.schema);
  if (declared.length === 0) return [];
  return Object.keys(provided)
    .filter((name) => !declared.includes(name))
    .map((name) => ({
      input: name,
      diagnostic: makeDiagnostic('input-undeclared', 'warning', `Input "${name}" is not declared by workflow ${target.workflowId}; it is passed on as given`, {
        file: target.file,
        pointer: childPointer(target.pointer, 'inputs'),
        hint: spellingHint(name, declared),
      }),
    }));
}

/** The line of the input's declaration, when the schema is written inline. */
function inputPointer(target: InputTarget, name: string): string {
  const inputs = childPointer(target.pointer, 'inputs');
  return name !== '' && propertySchema(target.schema, name) !== undefined ? childPointer(childPointer(inputs, 'properties'), name) : inputs;
}

const toDiagnostic = (problem: Problem, where: { file?: string; pointer?: string }): Diagnostic =>
  makeDiagnostic(problem.code, 'error', problem.message, { ...where, ...(problem.hint ? { hint: problem.hint } : {}) });
