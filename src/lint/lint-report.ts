/** Collects a rule's findings with the catalogue's default severity (rule settings are applied later). */
import { describeCode, type Code } from '../diagnostics/codes.js';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface LintReport {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  add(code: Code, message: string, pointer: string, extra?: Partial<Diagnostic>): void;
}

export function createLintReport(file: string): LintReport {
  const diagnostics: Diagnostic[] = [];
  return {
    file,
    diagnostics,
    add(code, message, pointer, extra = {}) {
      const entry = describeCode(code);
      // A rule that is off by default still reports (as info); applyRuleSettings drops it unless asked for.
      const severity = entry === undefined || entry.severity === 'off' ? 'info' : entry.severity;
      const given = Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined));
      diagnostics.push(makeDiagnostic(code, severity, message, { ...(entry?.hint ? { hint: entry.hint } : {}), file, pointer, ...given }));
    },
  };
}
