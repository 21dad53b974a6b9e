/**
 * Parameters and bodies against what the step targets (spec: Parameter Object, Request Body
 * Object; checklist 6.9, 7.3, 7.8): names the OpenAPI operation (or the called workflow's inputs)
 * does not declare, required ones not given, `in` missing on operation steps and ignored on
 * workflowId steps, a body where it has no defined meaning, a required body left out.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { ownField } from '../../document/model.js';
import type { OperationParameter, ResolvedOperation } from '../../plan/operation.js';
import type { LintModel, LintParameter, LintStep, LintWorkflow } from '../lint-model.js';
import type { LintReport } from '../lint-report.js';
import { lookupInput, requiredInputs } from '../lookup-input.js';

const LOCATIONS = ['path', 'query', 'header', 'cookie'];
/** OpenAPI ignores header parameters with these names; they come from the request itself or security. */
const RESERVED_HEADERS = ['authorization', 'accept', 'content-type'];
const BODYLESS = ['GET', 'HEAD', 'DELETE'];

export function checkParameters(model: LintModel, report: LintReport): void {
  for (const workflow of model.workflows) {
    for (const step of workflow.steps) {
      if (step.kind === 'operation') checkOperationStep(workflow, step, report);
      if (step.kind === 'workflow') checkWorkflowStep(model, workflow, step, report);
    }
  }
}

const sameName = (location: unknown, a: string, b: string): boolean => (location === 'header' ? a.toLowerCase() === b.toLowerCase() : a === b);

function checkOperationStep(workflow: LintWorkflow, step: LintStep, report: LintReport): void {
  for (const parameter of step.parameters) {
    if (parameter.in === undefined) {
      report.add('parameter-in-missing', `Parameter "${parameter.name}" of an operation step needs "in" (path, query, header or cookie)`, parameter.pointer);
    }
  }
  const { operation } = step;
  if (!operation) return;
  const label = operation.operationId ?? `${operation.method} ${operation.path}`;
  for (const parameter of step.parameters) {
    if (typeof parameter.in === 'string' && LOCATIONS.includes(parameter.in)) checkDeclared(parameter, operation, label, report);
  }
  const given = [...workflow.parameters.filter((w) => !step.parameters.some((s) => s.in === w.in && sameName(s.in, s.name, w.name))), ...step.parameters];
  const requiredParameters = operation.parameters.filter((p) => p.required && !(p.in === 'header' && RESERVED_HEADERS.includes(p.name.toLowerCase())));
  for (const required of requiredParameters) {
    if (given.some((p) => p.in === required.in && sameName(required.in, p.name, required.name))) continue;
    report.add('parameter-required-missing', `Operation ${label} requires ${required.in} parameter "${required.name}"; step "${step.stepId}" does not give it`, step.pointer, {
      hint: `Add { name: ${required.name}, in: ${required.in}, value: … } to the step parameters.`,
    });
  }
  const body = ownField(step.raw, 'requestBody');
  if (operation.requestBody?.required && body === undefined) {
    report.add('request-body-required-missing', `Operation ${label} requires a request body; step "${step.stepId}" has no requestBody`, step.pointer);
  }
  if (body !== undefined && BODYLESS.includes(operation.method)) {
    report.add('request-body-unexpected', `Step "${step.stepId}" sends a body with ${operation.method}, whose body has no defined meaning (RFC 9110)`, childPointer(step.pointer, 'requestBody'));
  }
}

function checkDeclared(parameter: LintParameter, operation: ResolvedOperation, label: string, report: LintReport): void {
  const location = parameter.in as string;
  const matches = (p: OperationParameter): boolean => sameName(p.in, p.name, parameter.name);
  if (operation.parameters.some((p) => p.in === location && matches(p))) return;
  const elsewhere = operation.parameters.find((p) => p.in !== location && matches(p));
  const reserved = location === 'header' && RESERVED_HEADERS.includes(parameter.name.toLowerCase());
  report.add('parameter-not-declared', `Operation ${label} declares no ${location} parameter "${parameter.name}"`, parameter.pointer, {
    hint: elsewhere
      ? `The operation declares "${parameter.name}" in ${elsewhere.in}.`
      : reserved
        ? `OpenAPI describes ${parameter.name} through the request itself or a security scheme, not as a parameter; the header is sent as written.`
        : `Declared: ${operation.parameters.map((p) => `${p.name} (${p.in})`).join(', ') || 'none'}.`,
  });
}

function checkWorkflowStep(model: LintModel, workflow: LintWorkflow, step: LintStep, report: LintReport): void {
  for (const parameter of step.parameters) {
    if (parameter.in !== undefined) {
      report.add('parameter-in-on-workflow-step', `Parameter "${parameter.name}" of workflowId step "${step.stepId}" has "in", which is ignored: it becomes an input of the called workflow`, parameter.pointer);
    }
  }
  if (ownField(step.raw, 'requestBody') !== undefined) {
    report.add('request-body-unexpected', `Step "${step.stepId}" calls a workflow, so its requestBody is never sent`, childPointer(step.pointer, 'requestBody'));
  }
  const child = step.calls !== undefined ? model.byId.get(step.calls) : undefined;
  if (!child) return;
  for (const parameter of step.parameters) {
    const lookup = lookupInput(child.inputsSchema, parameter.name);
    if (lookup.result !== 'undeclared' && lookup.result !== 'unlisted') continue;
    report.add('parameter-not-declared', `Workflow "${child.workflowId}" declares no input "${parameter.name}"`, parameter.pointer, {
      hint: lookup.known.length > 0 ? `Its inputs: ${lookup.known.join(', ')}.` : `Workflow ${child.workflowId} has no inputs.`,
    });
  }
  const given = new Set([...workflow.parameters, ...step.parameters].map((p) => p.name));
  for (const name of requiredInputs(child.inputsSchema)) {
    if (given.has(name)) continue;
    report.add('parameter-required-missing', `Workflow "${child.workflowId}" requires input "${name}"; step "${step.stepId}" does not pass it`, step.pointer, {
      hint: `Add { name: ${name}, value: … } to the step parameters.`,
    });
  }
}
