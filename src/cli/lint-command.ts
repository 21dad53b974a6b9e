/**
 * `arazzo lint`: the same front half as `run` (read → parse → check → compile → lint) over each
 * file, never sends. Exit 0 without errors (warnings allowed unless --max-warnings is exceeded),
 * 1 with errors, 2 for usage problems (no such file, a bad --rule).
 */
import pkg from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleSettings } from '../lint/lint-input.js';
import { valueAtPointer } from '../lint/value-at-pointer.js';
import { loadPlanWithEnvProxy } from './load-with-env-proxy.js';
import { formatLintRun, LINT_FORMATS, type LintFormat } from '../report/lint-formats/format-lint-run.js';
import { countSeverities } from '../report/lint-formats/lint-run.js';
import { displayPath } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { expandFilePatterns } from './expand-file-patterns.js';
import { fixFiles } from './fix-files.js';
import { UsageError } from './parse-cli-values.js';
import { readSourceFlags, unknownSourceNames, type SourceFlags } from './source-flags.js';
import { parseRuleSettings } from './parse-rule-settings.js';

interface LintFlags {
  format?: string;
  json?: boolean;
  rule?: string[];
  maxWarnings?: string;
  color?: boolean;
  quiet?: boolean;
  fix?: boolean;
}

/** Fix passes at most: a fix can reveal another (two fixes for one value wait for the next pass). */
const MAX_FIX_PASSES = 5;

export async function lintCommand(patterns: readonly string[], raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = raw as LintFlags;
  if (flags.json && flags.format !== undefined && !['stylish', 'json'].includes(flags.format)) throw new UsageError(`--json and --format ${flags.format} ask for two formats`, 'Use one of them.');
  const format = (flags.json ? 'json' : flags.format ?? 'stylish') as LintFormat;
  if (!LINT_FORMATS.includes(format)) throw new UsageError(`--format "${format}" is not one of ${LINT_FORMATS.join(', ')}`);
  const rules = parseRuleSettings(flags.rule ?? []);
  const maxWarnings = flags.maxWarnings === undefined ? undefined : parseMaxWarnings(flags.maxWarnings);
  const { files: found, problems, missing } = await expandFilePatterns(patterns, io.cwd);
  // A missing file gets the loader's file-not-found diagnostic (the message run and describe
  // print) and does not stop the other files from being linted; the exit code is still 2.
  const files = [...found, ...missing];
  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(`error: ${problem}\n`);
    return EXIT.invalid;
  }

  const sources = readSourceFlags(raw);
  let linted = await lintFiles(files, rules, io.env, sources);
  if (flags.fix) {
    const fixed = new Map<string, number>();
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const written = await fixFiles(linted.diagnostics, (file) => linted.values.has(file));
      if (written.size === 0) break;
      for (const [file, count] of written) fixed.set(file, (fixed.get(file) ?? 0) + count);
      linted = await lintFiles(files, rules, io.env, sources);
    }
    for (const [file, count] of fixed) io.stderr.write(`fixed ${count} problem${count === 1 ? '' : 's'} in ${displayPath(file, io.cwd)}\n`);
  }
  const { values, diagnostics } = linted;

  const style = chooseStyle(io.stdout, io.env, flags.color === false ? false : undefined);
  const context = { cwd: io.cwd, toolVersion: pkg.version, valueAt: (file: string, pointer: string) => valueAtPointer(values.get(file), pointer) };
  const shown = flags.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  io.stdout.write(formatLintRun(format, { files, diagnostics: shown }, context, style));

  const { errors, warnings } = countSeverities(diagnostics);
  if (missing.length > 0) return EXIT.invalid;
  if (errors > 0) return EXIT.failed;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`error: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** Every file's diagnostics (a document loaded by several files is reported once) and parsed values. */
async function lintFiles(files: readonly string[], rules: RuleSettings, env: CliIo['env'], sources: SourceFlags): Promise<{ values: Map<string, unknown>; diagnostics: Diagnostic[] }> {
  const values = new Map<string, unknown>();
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    // An unreachable source is environmental in lint: a warning, and its operation checks are skipped.
    const loaded = await loadPlanWithEnvProxy(file, { rules, ...sources, unreachableSources: 'warning' }, env);
    const unknownSource = unknownSourceNames(loaded.plan, sources);
    if (unknownSource) throw new UsageError(unknownSource, 'Use a sourceDescriptions name.');
    for (const [key, document] of loaded.workspace.documents) values.set(key, document.parsed.value);
    for (const d of loaded.diagnostics) {
      const key = [d.code, d.file, d.pointer, d.offset, d.line, d.column, d.message].join('\u0000');
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
  }
  return { values, diagnostics };
}

function parseMaxWarnings(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--max-warnings "${text}" is not a whole number`, 'Example: --max-warnings 0');
  return Number(text);
}
