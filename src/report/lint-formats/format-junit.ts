/**
 * `--format junit`: one testsuite per file, one testcase per problem (errors fail, warnings and
 * infos pass with their text in system-out), one passing "lint" testcase for a clean file.
 * CI systems that only read JUnit (GitLab, Bitbucket, CircleCI) show lint results this way.
 */
import { describeCode } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { displayPath } from '../format-diagnostic.js';
import { renderJunit, type JunitCase } from '../junit-xml.js';
import { groupByFile, type FormatContext, type LintRun } from './lint-run.js';

export function formatJunit(run: LintRun, context: FormatContext): string {
  const suites = groupByFile(run).map(({ file, diagnostics }) => {
    const shown = displayPath(file || undefined, context.cwd);
    const cases = diagnostics.length === 0 ? [{ name: 'lint', classname: shown }] : diagnostics.map((d) => testcase(shown, d));
    return { name: shown, cases };
  });
  return renderJunit({ name: 'arazzo lint', suites });
}

function testcase(file: string, d: Diagnostic): JunitCase {
  const place = `${file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`;
  const hint = d.hint ?? describeCode(d.code)?.hint;
  const body = [`${place} ${d.severity} ${d.code}`, d.message, d.pointer !== undefined ? `pointer: ${d.pointer}` : '', hint ? `hint: ${hint}` : '', d.fix !== undefined ? `fix: ${d.fix}` : '']
    .filter((line) => line !== '')
    .join('\n');
  const name = `${d.code} ${d.line !== undefined ? `${d.line}:${d.column ?? 1}` : d.pointer ?? ''}`.trim();
  const base = { name, classname: file };
  return d.severity === 'error' ? { ...base, failure: { type: d.code, message: d.message, detail: body } } : { ...base, systemOut: body };
}
