/** `--format json`: one object with the counts, each file asked for, and every diagnostic (rule id = code). */
import { describeCode } from '../../diagnostics/codes.js';
import { diagnosticToJson, displayPath } from '../format-diagnostic.js';
import { countSeverities, groupByFile, type FormatContext, type LintRun } from './lint-run.js';

export function formatJson(run: LintRun, context: FormatContext): string {
  const counts = countSeverities(run.diagnostics);
  const files = groupByFile(run).map(({ file, diagnostics }) => ({ file: displayPath(file || undefined, context.cwd), ...countSeverities(diagnostics) }));
  const diagnostics = run.diagnostics.map((d) => ({
    ruleId: d.code,
    ...diagnosticToJson(d, context.cwd),
    hint: d.hint ?? describeCode(d.code)?.hint ?? null,
    title: describeCode(d.code)?.title ?? null,
  }));
  return `${JSON.stringify({ ...counts, files, diagnostics }, null, 2)}\n`;
}
