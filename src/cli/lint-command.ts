/**
 * `arazzo lint`: the same front half as `run` (read → parse → check → compile → lint) over each
 * file, never sends. Exit 0 without errors (warnings allowed unless --max-warnings is exceeded),
 * 1 with errors, 2 for usage problems (no such file, a bad --rule).
 */
import pkg from '../../package.json' with { type: 'json' };
import { CODES, describeCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleSettings, RuleSeverity } from '../lint/lint-input.js';
import { valueAtPointer } from '../lint/value-at-pointer.js';
import { loadPlan } from '../load/load-plan.js';
import { formatLintRun, LINT_FORMATS, type LintFormat } from '../report/lint-formats/format-lint-run.js';
import { countSeverities } from '../report/lint-formats/lint-run.js';
import { chooseStyle } from '../report/style-text.js';
import { suggest } from '../plan/resolve-references.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { expandFilePatterns } from './expand-file-patterns.js';
import { UsageError } from './parse-cli-values.js';

interface LintFlags {
  format?: string;
  json?: boolean;
  rule?: string[];
  maxWarnings?: string;
  color?: boolean;
}

export async function lintCommand(patterns: readonly string[], raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = raw as LintFlags;
  if (flags.json && flags.format !== undefined && !['stylish', 'json'].includes(flags.format)) throw new UsageError(`--json and --format ${flags.format} ask for two formats`, 'Use one of them.');
  const format = (flags.json ? 'json' : flags.format ?? 'stylish') as LintFormat;
  if (!LINT_FORMATS.includes(format)) throw new UsageError(`--format "${format}" is not one of ${LINT_FORMATS.join(', ')}`);
  const rules = parseRuleSettings(flags.rule ?? []);
  const maxWarnings = flags.maxWarnings === undefined ? undefined : parseMaxWarnings(flags.maxWarnings);
  const { files, problems } = await expandFilePatterns(patterns, io.cwd);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(`error: ${problem}\n`);
    return EXIT.invalid;
  }

  const values = new Map<string, unknown>();
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const loaded = await loadPlan(file, { rules });
    for (const [key, document] of loaded.workspace.documents) values.set(key, document.parsed.value);
    for (const d of loaded.diagnostics) {
      // A document loaded by several of the files is reported once.
      const key = [d.code, d.file, d.pointer, d.offset, d.line, d.column, d.message].join('\u0000');
      if (!seen.has(key)) diagnostics.push(d);
      seen.add(key);
    }
  }

  const style = chooseStyle(io.stdout, io.env, flags.color === false ? false : undefined);
  const context = { cwd: io.cwd, toolVersion: pkg.version, valueAt: (file: string, pointer: string) => valueAtPointer(values.get(file), pointer) };
  io.stdout.write(formatLintRun(format, { files, diagnostics }, context, style));

  const { errors, warnings } = countSeverities(diagnostics);
  if (errors > 0) return EXIT.failed;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`error: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

const LEVELS: Readonly<Record<string, RuleSeverity>> = { off: 'off', info: 'info', warn: 'warning', warning: 'warning', error: 'error' };

/** `--rule code=off|info|warn|error`, repeatable; `prefix-*=…` covers every code with that prefix. */
export function parseRuleSettings(values: readonly string[]): RuleSettings {
  const settings: Record<string, RuleSeverity> = {};
  for (const value of values) {
    const index = value.indexOf('=');
    const code = value.slice(0, index).trim();
    const level = LEVELS[value.slice(index + 1).trim().toLowerCase()];
    if (index <= 0 || level === undefined) {
      throw new UsageError(`--rule "${value}" is not <rule>=off|info|warn|error`, 'Example: --rule step-description-missing=off');
    }
    const known = code.endsWith('*') ? Object.keys(CODES).some((c) => c.startsWith(code.slice(0, -1))) : describeCode(code) !== undefined;
    if (!known) throw new UsageError(`--rule "${code}" names no rule`, suggest(code, Object.keys(CODES)) ?? 'The rule ids are the codes lint prints.');
    settings[code] = level;
  }
  return settings;
}

function parseMaxWarnings(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--max-warnings "${text}" is not a whole number`, 'Example: --max-warnings 0');
  return Number(text);
}
