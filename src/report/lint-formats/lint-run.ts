/** What a lint call produced, as every lint output format reads it. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

export interface LintRun {
  /** The files asked for (resolved paths), in order; a file with no problems is still listed. */
  files: readonly string[];
  /** Every problem found, in these files and in the documents they load; located and deduplicated. */
  diagnostics: readonly Diagnostic[];
}

export interface LintCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): LintCounts {
  const counts: LintCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Problems grouped by the file they are in: the files asked for first, then any other document. */
export function groupByFile(run: LintRun): Array<{ file: string; diagnostics: Diagnostic[] }> {
  const groups = new Map<string, Diagnostic[]>(run.files.map((file) => [file, []]));
  for (const d of run.diagnostics) {
    const file = d.file ?? '';
    if (!groups.has(file)) groups.set(file, []);
    groups.get(file)!.push(d);
  }
  return [...groups].map(([file, diagnostics]) => ({ file, diagnostics }));
}

export interface FormatContext {
  cwd: string;
  toolVersion: string;
  /** The string at `pointer` in `file`, for showing where inside an expression a problem is. */
  valueAt?: (file: string, pointer: string) => unknown;
}
