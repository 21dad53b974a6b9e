/**
 * Exit 2 — nothing was sent: every problem on stderr (masked), `{status: "invalid"}` with --json,
 * and the requested reports still written so CI shows why the job stopped.
 */
import pkg from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticToJson, displayPath, formatDiagnostic } from '../report/format-diagnostic.js';
import { buildHar } from '../report/har-report.js';
import { buildJunitForInvalid } from '../report/junit-report.js';
import type { Redactor } from '../report/redact.js';
import type { TextStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { annotateDiagnostics } from './github-place.js';
import { writeAll } from './publish-run.js';
import type { ReportTargets } from './run-flags.js';

export interface InvalidContext {
  io: CliIo;
  file: string;
  style: TextStyle;
  redactor: Redactor;
  json: boolean;
  reports: ReportTargets;
}

export async function reportInvalid(diagnostics: readonly Diagnostic[], context: InvalidContext): Promise<number> {
  const { io, redactor, reports } = context;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 1) io.stderr.write(`${context.style.red(`${errors} problems`)}; nothing was sent:\n`);
  for (const d of diagnostics) io.stderr.write(`${redactor.text(formatDiagnostic(d, context.style, io.cwd))}\n`);
  annotateDiagnostics(diagnostics, io, redactor);
  const json = redactor.value({ status: 'invalid', diagnostics: diagnostics.map((d) => diagnosticToJson(d, io.cwd)) });
  if (context.json) io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  const shown = displayPath(context.file, io.cwd);
  const writes: Array<[string, () => string]> = [];
  if (reports.json) writes.push([reports.json, () => `${JSON.stringify(json, null, 2)}\n`]);
  // Masked before XML escaping: an escaped secret (&amp;) would no longer match its raw form.
  const problems = diagnostics.map((d) => ({ code: d.code, message: redactor.text(d.message), ...(d.line !== undefined ? { line: d.line } : {}) }));
  if (reports.junit) writes.push([reports.junit, () => redactor.text(buildJunitForInvalid(shown, problems, new Date().toISOString()))]);
  if (reports.har) writes.push([reports.har, () => `${JSON.stringify(buildHar([], redactor, pkg.version, []), null, 2)}\n`]);
  await writeAll(writes, io);
  return EXIT.invalid;
}
