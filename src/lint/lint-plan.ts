/**
 * The lint stage of the front half shared by `lint` and `run` (read → parse → check → compile →
 * lint): the JSON Schema, then the rules, over every loaded Arazzo document. Pure: values in,
 * diagnostics out. Returns the earlier (load + compile) diagnostics merged with its own, with
 * rule settings applied, so the caller only has to locate and print them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import { applyRuleSettings } from './apply-rule-settings.js';
import { checkSchema } from './check-schema.js';
import { buildControlFlow, type ControlFlow } from './control-flow.js';
import type { LintDocument, LintInput, RuleSettings } from './lint-input.js';
import { buildLintModel, type LintWorkflow } from './lint-model.js';
import { createLintReport } from './lint-report.js';
import { mergeDiagnostics } from './merge-diagnostics.js';
import { checkDetails } from './rules/check-details.js';
import { checkDocument } from './rules/check-document.js';
import { checkFlow } from './rules/check-flow.js';
import { checkParameters } from './rules/check-parameters.js';
import { checkReferences } from './rules/check-references.js';
import { checkSecurity } from './rules/check-security.js';

export function lintLoadedPlan(input: LintInput, earlier: readonly Diagnostic[], settings: RuleSettings = {}): Diagnostic[] {
  const workflowIds = collectWorkflowIds(input.documents);
  const schema: Diagnostic[] = [];
  const rules: Diagnostic[] = [];
  for (const document of input.documents.values()) {
    schema.push(...schemaDiagnostics(document));
    rules.push(...ruleDiagnostics(document, workflowIds));
  }
  return applyRuleSettings(mergeDiagnostics(earlier, schema, rules), settings);
}

function schemaDiagnostics(document: LintDocument): Diagnostic[] {
  const { sourceMap } = document.parsed;
  return checkSchema(document.parsed.value, document.key).map(({ diagnostic, atKey }) => {
    const position = atKey && diagnostic.pointer !== undefined ? sourceMap?.locateKey(diagnostic.pointer) : undefined;
    return position ? { ...diagnostic, line: position.line, column: position.column } : diagnostic;
  });
}

function ruleDiagnostics(document: LintDocument, workflowIds: ReadonlyMap<string, ReadonlySet<string>>): Diagnostic[] {
  const model = buildLintModel(document, workflowIds);
  if (!model) return [];
  const report = createLintReport(document.key);
  const flows = new Map<LintWorkflow, ControlFlow>(model.workflows.map((w) => [w, buildControlFlow(w)]));
  checkReferences(model, flows, report);
  checkParameters(model, report);
  checkFlow(model, flows, report);
  checkDetails(model, report);
  checkDocument(model, report);
  checkSecurity(model, report);
  return report.diagnostics;
}

function collectWorkflowIds(documents: ReadonlyMap<string, LintDocument>): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const [key, document] of documents) {
    const root = document.parsed.value;
    const workflows = isObject(root) && Array.isArray(root.workflows) ? root.workflows : [];
    ids.set(key, new Set(workflows.flatMap((w) => (isObject(w) && typeof w.workflowId === 'string' ? [w.workflowId] : []))));
  }
  return ids;
}
