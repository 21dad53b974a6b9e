/**
 * The front half shared by `lint` and `run`: read → parse → check → compile → lint. Diagnostics
 * come back located (file, line, column) and sorted; nothing has been sent anywhere.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleSettings } from '../lint/lint-input.js';
import { lintLoadedPlan } from '../lint/lint-plan.js';
import { compilePlan } from '../plan/compile-plan.js';
import type { Plan } from '../plan/plan.js';
import { loadWorkspace, type LoadOptions, type Workspace } from './load-workspace.js';

export interface LoadedPlan {
  workspace: Workspace;
  plan: Plan;
  diagnostics: Diagnostic[];
}

export interface LoadPlanOptions extends LoadOptions {
  /** Per-code severity overrides (`arazzo lint --rule`); defaults come from diagnostics/codes.ts. */
  rules?: RuleSettings;
}

export async function loadPlan(file: string, options: LoadPlanOptions = {}): Promise<LoadedPlan> {
  const workspace = await loadWorkspace(file, options);
  const { plan, diagnostics } = compilePlan(workspace);
  const linted = lintLoadedPlan({ ...workspace, plan }, [...workspace.diagnostics, ...diagnostics], options.rules);
  const all = locateDiagnostics(linted, workspace);
  return { workspace, plan, diagnostics: all };
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
