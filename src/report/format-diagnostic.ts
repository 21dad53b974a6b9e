/** One formatter for people, one record shape for JSON: the same Diagnostic either way. */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TextStyle } from './style-text.js';

export function displayPath(file: string | undefined, cwd: string = process.cwd()): string {
  if (!file) return '<input>';
  if (/^https?:\/\//i.test(file)) return file;
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') && path.isAbsolute(file) && relative.split(path.sep).length > 4 ? file : relative || file;
}

export function formatDiagnostic(d: Diagnostic, style: TextStyle, cwd?: string): string {
  const place = `${displayPath(d.file, cwd)}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`;
  const severity = d.severity === 'error' ? style.red('error') : d.severity === 'warning' ? style.yellow('warning') : style.cyan('info');
  const lines = [`${place} ${severity} ${style.dim(d.code)} ${d.message}`];
  lines.push(...sourceExcerpt(d, style).map((line) => `  ${line}`));
  if (d.hint) lines.push(`  ${style.dim('hint:')} ${d.hint}`);
  if (d.fix) lines.push(`  ${style.dim('fix:')} ${d.fix}`);
  return lines.join('\n');
}

export function diagnosticToJson(d: Diagnostic, cwd?: string): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file ? displayPath(d.file, cwd) : null,
    line: d.line ?? null,
    column: d.column ?? null,
    pointer: d.pointer ?? null,
    ...(d.offset !== undefined ? { offset: d.offset } : {}),
    hint: d.hint ?? null,
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
  };
}

/** Longest excerpt shown; a longer line is cut around the column so the caret stays under it. */
const EXCERPT_WIDTH = 120;

/** `12 | key: [a` then `   |       ^` for a diagnostic that carries its source line; tabs kept so the caret lines up. */
export function sourceExcerpt(d: Diagnostic, style: TextStyle): string[] {
  if (d.sourceLine === undefined || d.line === undefined) return [];
  const whole = d.sourceLine.replace(/\r$/, '');
  let text = whole;
  let at = Math.max(0, Math.min((d.column ?? 1) - 1, text.length));
  if (text.length > EXCERPT_WIDTH) {
    const start = Math.max(0, Math.min(at - EXCERPT_WIDTH / 2, text.length - EXCERPT_WIDTH));
    text = `${start > 0 ? '…' : ''}${whole.slice(start, start + EXCERPT_WIDTH)}${start + EXCERPT_WIDTH < whole.length ? '…' : ''}`;
    at = at - start + (start > 0 ? 1 : 0);
  }
  const gutter = String(d.line);
  const pad = text.slice(0, at).replace(/[^\t]/g, ' ');
  return [`${style.dim(`${gutter} |`)} ${text}`, `${style.dim(`${' '.repeat(gutter.length)} |`)} ${pad}${style.red('^')}`];
}
