/** Errors are values with a place: every user-facing problem is one of these. */
import type { Code } from './codes.js';

export type { Code };
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable rule/error code from the catalogue (codes.ts); the compiler rejects one not listed there. */
  code: Code;
  severity: Severity;
  message: string;
  /** What the user can do next. */
  hint?: string;
  /** File (path or URL) the problem is in. */
  file?: string;
  /** JSON pointer (RFC 6901) into that file's document. */
  pointer?: string;
  /** Character offset inside the string value at `pointer` (e.g. inside an expression). */
  offset?: number;
  /** Filled in from the source map by locateDiagnostics; 1-based. */
  line?: number;
  column?: number;
  /** Suggested replacement for the string value at `pointer`, when the intent is clear. */
  fix?: string;
  /** The source line at `line`, shown with a caret under `column` (syntax errors, where no pointer exists). */
  sourceLine?: string;
}

export function makeDiagnostic(
  code: Code,
  severity: Severity,
  message: string,
  extra: Omit<Partial<Diagnostic>, 'code' | 'severity' | 'message'> = {},
): Diagnostic {
  return { code, severity, message, ...extra };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** RFC 6901: "~" → "~0", "/" → "~1". */
export const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** RFC 6901, in this order: "~1" → "/", then "~0" → "~". */
export const unescapePointerToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** Appends a JSON pointer token. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapePointerToken(String(token))}`;
}

/** A location-free problem raised inside a pure function; the caller adds file and pointer. */
export interface Problem {
  code: Code;
  message: string;
  offset?: number;
  hint?: string;
  fix?: string;
  severity?: Severity;
}

export function problemToDiagnostic(
  problem: Problem,
  where: { file?: string; pointer?: string },
  defaultSeverity: Severity = 'error',
): Diagnostic {
  const { severity, ...rest } = problem;
  return { ...rest, severity: severity ?? defaultSeverity, ...where };
}
