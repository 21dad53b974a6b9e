/**
 * `--format github`: GitHub Actions workflow commands, one annotation per problem
 * (`::error file=…,line=…,col=…,title=…::message`), escaped as the runner expects.
 */
import { describeCode } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { displayPath } from '../format-diagnostic.js';
import type { FormatContext, LintRun } from './lint-run.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(run: LintRun, context: FormatContext): string {
  return run.diagnostics.map((d) => `${annotation(d, context)}\n`).join('');
}

function annotation(d: Diagnostic, context: FormatContext): string {
  const properties = [
    d.file !== undefined ? `file=${escapeProperty(displayPath(d.file, context.cwd).split('\\').join('/'))}` : undefined,
    d.line !== undefined ? `line=${d.line}` : undefined,
    d.column !== undefined ? `col=${d.column}` : undefined,
    `title=${escapeProperty(`${d.code}: ${describeCode(d.code)?.title ?? d.code}`)}`,
  ].filter((p): p is string => p !== undefined);
  const hint = d.hint ?? describeCode(d.code)?.hint;
  const text = [d.message, hint ? `hint: ${hint}` : undefined, d.fix !== undefined ? `fix: ${d.fix}` : undefined].filter(Boolean).join('\n');
  return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(text)}`;
}

export const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
