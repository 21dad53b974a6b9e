/**
 * Credentials (issue 13): a step whose operation requires a security scheme that neither a step
 * or workflow parameter (the apiKey's header/query/cookie, or Authorization) nor an x-security
 * entry fills. A warning: --auth or ARAZZO_AUTH_* may still supply it at run time.
 */
import { isObject, ownField } from '../../document/model.js';
import type { SecurityScheme } from '../../plan/operation.js';
import type { LintModel, LintParameter, LintStep, LintWorkflow } from '../lint-model.js';
import type { LintReport } from '../lint-report.js';

export function checkSecurity(model: LintModel, report: LintReport): void {
  for (const workflow of model.workflows) {
    const workflowEntries = schemeNames(ownField(workflow.raw, 'x-security'));
    for (const step of workflow.steps) checkStep(workflow, step, workflowEntries, report);
  }
}

function checkStep(workflow: LintWorkflow, step: LintStep, workflowEntries: ReadonlySet<string>, report: LintReport): void {
  const security = step.kind === 'operation' ? step.operation?.security : undefined;
  if (!security || security.requirements.length === 0) return;
  const entries = new Set([...schemeNames(ownField(step.raw, 'x-security')), ...workflowEntries]);
  const parameters = [...workflow.parameters, ...step.parameters];
  const filled = (name: string): boolean => {
    const scheme = security.schemes[name];
    return entries.has(name) || scheme === undefined || scheme.type === 'mutualTLS' || carried(parameters, scheme);
  };
  if (security.requirements.some((alternative) => Object.keys(alternative).every(filled))) return;
  const first = Object.keys(security.requirements[0]!).filter((name) => !filled(name));
  const source = step.operation!.sourceName;
  const label = step.operation!.operationId ?? `${step.operation!.method} ${step.operation!.path}`;
  report.add('security-unfilled', `Operation ${label} requires security scheme ${first.map((n) => `"${n}"`).join(' + ')} of source "${source}"; step "${step.stepId}" supplies no credentials for it`, step.pointer, {
    hint: `Add x-security: [{ schemeName: ${first[0]}, values: { … } }] to the step, or run with --auth ${source}.${first[0]}=<value>.`,
  });
}

function schemeNames(raw: unknown): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(raw)) return names;
  for (const entry of raw) {
    const name = isObject(entry) ? ownField(entry, 'schemeName') : undefined;
    if (typeof name === 'string') names.add(name);
  }
  return names;
}

function carried(parameters: readonly LintParameter[], scheme: SecurityScheme): boolean {
  const location = scheme.type === 'apiKey' ? scheme.in ?? 'header' : 'header';
  const name = scheme.type === 'apiKey' ? scheme.name ?? '' : 'authorization';
  return parameters.some((p) => p.in === location && (location === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name));
}
