/**
 * `--format stylish` (the default): problems grouped by file, one line each (line:col, severity,
 * message, rule id), then the string with a caret under the spot when the problem is inside an
 * expression (or the source line, for a syntax error), the hint and the fix. Colour only when the caller's style says so (a TTY).
 */
import { describeCode } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { displayPath, sourceExcerpt } from '../format-diagnostic.js';
import type { TextStyle } from '../style-text.js';
import { countSeverities, groupByFile, type FormatContext, type LintRun } from './lint-run.js';

const INDENT = '    ';

export function formatStylish(run: LintRun, context: FormatContext, style: TextStyle): string {
  const out: string[] = [];
  for (const { file, diagnostics } of groupByFile(run)) {
    if (diagnostics.length === 0) continue;
    out.push(style.bold(displayPath(file || undefined, context.cwd)));
    for (const d of diagnostics) out.push(...formatOne(d, context, style));
    out.push('');
  }
  out.push(summaryLine(run, style));
  return `${out.join('\n')}\n`;
}

function formatOne(d: Diagnostic, context: FormatContext, style: TextStyle): string[] {
  const place = d.line !== undefined ? `${d.line}:${d.column ?? 1}` : '-';
  const severity = d.severity === 'error' ? style.red('error  ') : d.severity === 'warning' ? style.yellow('warning') : style.cyan('info   ');
  const lines = [`  ${place.padEnd(7)} ${severity}  ${d.message}  ${style.dim(d.code)}`];
  lines.push(...caret(d, context, style), ...sourceExcerpt(d, style).map((line) => `${INDENT}${line}`));
  const hint = d.hint ?? describeCode(d.code)?.hint;
  if (hint) lines.push(`${INDENT}${style.dim('hint:')} ${hint}`);
  if (d.fix !== undefined) lines.push(`${INDENT}${style.dim('fix:')}  ${d.fix.includes('\n') ? JSON.stringify(d.fix) : d.fix}`);
  return lines;
}

/** The one-line string holding the problem, with ^ under the offset. */
function caret(d: Diagnostic, context: FormatContext, style: TextStyle): string[] {
  if (d.offset === undefined || d.file === undefined || d.pointer === undefined || !context.valueAt) return [];
  const value = context.valueAt(d.file, d.pointer);
  if (typeof value !== 'string' || value.includes('\n') || value.length > 200 || d.offset > value.length) return [];
  if (d.offset === 0 && d.severity !== 'error') return []; // the whole value: the line:col already points at it
  return [`${INDENT}${value}`, `${INDENT}${' '.repeat(d.offset)}${style.red('^')}`];
}

function summaryLine(run: LintRun, style: TextStyle): string {
  const { errors, warnings, infos } = countSeverities(run.diagnostics);
  const files = `${run.files.length} file${run.files.length === 1 ? '' : 's'}`;
  if (errors + warnings + infos === 0) return style.green(`✔ no problems (${files})`);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${errors > 0 ? '✖' : '⚠'} ${plural(errors + warnings + infos, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${files}`;
  return errors > 0 ? style.red(text) : style.yellow(text);
}
