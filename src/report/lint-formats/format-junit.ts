/**
 * `--format junit`: one testsuite per file, one testcase per problem (errors fail, warnings and
 * infos pass with their text in system-out), one passing "lint" testcase for a clean file.
 * CI systems that only read JUnit (GitLab, Bitbucket, CircleCI) show lint results this way.
 */
import { describeCode } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { displayPath } from '../format-diagnostic.js';
import { countSeverities, groupByFile, type FormatContext, type LintRun } from './lint-run.js';

export function formatJunit(run: LintRun, context: FormatContext): string {
  const suites = groupByFile(run).map(({ file, diagnostics }) => suite(displayPath(file || undefined, context.cwd), diagnostics));
  const tests = suites.reduce((sum, s) => sum + s.tests, 0);
  const failures = suites.reduce((sum, s) => sum + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="arazzo lint" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(file: string, diagnostics: readonly Diagnostic[]): { xml: string; tests: number; failures: number } {
  const { errors } = countSeverities(diagnostics);
  const cases = diagnostics.length === 0
    ? [`    <testcase classname="${xml(file)}" name="lint"/>`]
    : diagnostics.map((d) => testcase(file, d));
  const tests = Math.max(1, diagnostics.length);
  return {
    tests,
    failures: errors,
    xml: [`  <testsuite name="${xml(file)}" tests="${tests}" failures="${errors}" errors="0" skipped="0">`, ...cases, '  </testsuite>'].join('\n'),
  };
}

function testcase(file: string, d: Diagnostic): string {
  const place = `${file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`;
  const hint = d.hint ?? describeCode(d.code)?.hint;
  const body = [`${place} ${d.severity} ${d.code}`, d.message, d.pointer !== undefined ? `pointer: ${d.pointer}` : '', hint ? `hint: ${hint}` : '', d.fix !== undefined ? `fix: ${d.fix}` : '']
    .filter((line) => line !== '')
    .join('\n');
  const name = `${d.code} ${d.line !== undefined ? `${d.line}:${d.column ?? 1}` : d.pointer ?? ''}`.trim();
  const head = `    <testcase classname="${xml(file)}" name="${xml(name)}">`;
  if (d.severity === 'error') return `${head}\n      <failure type="${xml(d.code)}" message="${xml(d.message)}">${xml(body)}</failure>\n    </testcase>`;
  return `${head}\n      <system-out>${xml(body)}</system-out>\n    </testcase>`;
}

/** XML 1.0 text/attribute escaping; characters XML cannot carry at all are dropped. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
