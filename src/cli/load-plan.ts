/**
 * The front half shared by `lint`, `run` and `describe`: read → parse → check → compile → lint.
 * It lives with the composition root because it joins two edges (load/ reads, lint/ judges), and
 * load/ must not depend on lint/. Diagnostics come back located and sorted; nothing was sent.
 */
import type { RuleSettings } from '../lint/lint-input.js';
import { loadSchemaValidators } from '../lint/check-schema.js';
import { lintLoadedPlan } from '../lint/lint-plan.js';
import { locateDiagnostics, type LoadedPlan } from '../load/load-plan.js';
import { loadWorkspace, type LoadOptions } from '../load/load-workspace.js';
import { compilePlan } from '../plan/compile-plan.js';

export type { LoadedPlan } from '../load/load-plan.js';

export interface LoadPlanOptions extends LoadOptions {
  /** Per-code severity overrides (`arazzo lint --rule`); defaults come from diagnostics/codes.ts. */
  rules?: RuleSettings;
}

export async function loadPlan(file: string, options: LoadPlanOptions = {}): Promise<LoadedPlan> {
  const workspace = await loadWorkspace(file, options);
  const { plan, diagnostics } = compilePlan(workspace);
  await loadSchemaValidators([...workspace.documents.values()].map((document) => document.parsed.value));
  const linted = lintLoadedPlan({ ...workspace, plan }, [...workspace.diagnostics, ...diagnostics], options.rules);
  return { workspace, plan, diagnostics: locateDiagnostics(linted, workspace) };
}
