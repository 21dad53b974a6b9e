/** File paths in GitHub annotations are relative to the repository root (GITHUB_WORKSPACE). */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatAnnotation, type AnnotationPlace } from '../report/github-actions.js';
import type { Redactor } from '../report/redact.js';
import type { CliIo } from './cli-io.js';

export const inGitHubActions = (io: CliIo): boolean => io.env.GITHUB_ACTIONS === 'true';

export function repositoryPath(file: string | undefined, io: CliIo): string | undefined {
  if (file === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(file) || file.startsWith('<')) return undefined;
  const root = io.env.GITHUB_WORKSPACE || io.cwd;
  return path.relative(root, path.resolve(io.cwd, file)).split(path.sep).join('/');
}

export function toPlace(location: { file?: string; line?: number; column?: number } | undefined, io: CliIo): AnnotationPlace {
  if (!location) return {};
  const file = repositoryPath(location.file, io);
  return { ...(file ? { file } : {}), ...(location.line !== undefined ? { line: location.line } : {}), ...(location.column !== undefined ? { column: location.column } : {}) };
}

/** One `::error`/`::warning` line per diagnostic, on stderr (stdout may carry --json). */
export function annotateDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo, redactor: Redactor): void {
  if (!inGitHubActions(io)) return;
  for (const d of diagnostics) {
    const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    io.stderr.write(`${formatAnnotation(kind, redactor.text(`${d.message}${d.hint ? ` (${d.hint})` : ''}`), { ...toPlace(d, io), title: `arazzo ${d.code}` })}\n`);
  }
}
