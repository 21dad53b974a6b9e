/**
 * A loaded and compiled plan with its diagnostics, and how diagnostics get their line and column.
 * The lint stage is joined on in cli/load-plan.ts (load/ does not depend on lint/).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Plan } from '../plan/plan.js';
import type { Workspace } from './load-workspace.js';

export interface LoadedPlan {
  workspace: Workspace;
  plan: Plan;
  diagnostics: Diagnostic[];
}

/** Fills line/column from each document's source map and sorts by file and position. */
export function locateDiagnostics(diagnostics: readonly Diagnostic[], workspace: Workspace): Diagnostic[] {
  const located = diagnostics.map((d) => {
    if (d.line !== undefined || d.file === undefined || d.pointer === undefined) return d;
    const document = workspace.documents.get(d.file);
    const position = document?.parsed.sourceMap.locate(d.pointer);
    return position ? { ...d, line: position.line, column: position.column } : d;
  });
  return located.sort((a, b) => compareFiles(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

// The first localeCompare call loads ICU collation data (~5 ms of lint's start-up); most
// comparisons are within one file and need none.
const compareFiles = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b));
