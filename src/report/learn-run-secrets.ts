/**
 * What a run teaches the redactor, event by event, before any sink sees the event (issue 10 item 12):
 * credential headers of requests and responses, tokens a response body returns (`access_token`,
 * `token`, `id_token`, `refresh_token`), and the step outputs the plan feeds into a credential
 * header or a security value later (evaluated on the response that produces them, so the token is
 * masked from the moment it is read, not only once it is sent); the run's inputs sent that way too.
 */
import type { RunEvent } from '../engine/events.js';
import type { HttpResponse } from '../engine/ports.js';
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { OutputPlan, Plan, StepPlan } from '../plan/plan.js';
import { SENSITIVE_HEADERS, type Redactor } from './redact.js';

const TOKEN_FIELDS = new Set(['access_token', 'token', 'id_token', 'refresh_token', 'accesstoken', 'idtoken', 'refreshtoken']);
const MAX_DEPTH = 8;
const MAX_NODES = 10_000;

export function createSecretLearner(plan: Plan, redactor: Redactor, inputs: Readonly<Record<string, unknown>> = {}): (event: RunEvent) => void {
  if (!redactor.enabled) return () => undefined;
  // An input the workflow sends as a credential is secret whatever its name (it may go in a query).
  for (const name of credentialInputNames(plan)) if (Object.hasOwn(inputs, name)) learnValue(inputs[name], redactor);
  const credentialOutputs = credentialOutputsOf(plan);
  return (event) => {
    if (event.type === 'request' || event.type === 'response' || event.type === 'http-failure') redactor.learnHeaders(event.request.headers);
    if (event.type === 'response') {
      redactor.learnHeaders(Object.entries(event.response.headers));
      learnBodyTokens(event.response.body, redactor);
      for (const output of credentialOutputs.get(stepKey(event.workflowId, event.stepId)) ?? []) {
        learnValue(renderValue(output.value, responseScope(event.response)), redactor);
      }
    }
    if (event.type === 'step-end') {
      for (const output of credentialOutputs.get(stepKey(event.workflowId, event.stepId)) ?? []) learnValue(event.outputs[output.name], redactor);
    }
  };
}

const stepKey = (workflowId: string, stepId: string): string => `${workflowId}\u0000${stepId}`;

/** workflowId + stepId → the outputs of that step some step sends as a credential. */
function credentialOutputsOf(plan: Plan): Map<string, OutputPlan[]> {
  const found = new Map<string, OutputPlan[]>();
  for (const document of plan.documents.values()) {
    for (const workflow of document.workflows.values()) {
      const fed = new Set(workflow.steps.flatMap(credentialExpressions).flatMap((e) => (e.kind === 'steps' && e.name !== undefined ? [stepKey(e.stepId, e.name)] : [])));
      for (const step of workflow.steps) {
        const outputs = step.outputs.filter((output) => fed.has(stepKey(step.stepId, output.name)));
        if (outputs.length > 0) found.set(stepKey(workflow.workflowId, step.stepId), [...(found.get(stepKey(workflow.workflowId, step.stepId)) ?? []), ...outputs]);
      }
    }
  }
  return found;
}

function credentialInputNames(plan: Plan): Set<string> {
  const steps = [...plan.documents.values()].flatMap((document) => [...document.workflows.values()].flatMap((workflow) => workflow.steps));
  return new Set(steps.flatMap(credentialExpressions).flatMap((e) => (e.kind === 'inputs' ? [e.name] : [])));
}

/** Expressions a step sends as a credential: credential header parameters and x-security values. */
function credentialExpressions(step: StepPlan): RuntimeExpression[] {
  const headers = step.parameters.filter((p) => p.in === 'header' && SENSITIVE_HEADERS.has(p.name.toLowerCase())).map((p) => p.value);
  const security = (step.security ?? []).flatMap((entry) => Object.values(entry.values));
  return [...headers, ...security].flatMap(expressionsIn);
}

function expressionsIn(template: ValueTemplate): RuntimeExpression[] {
  switch (template.kind) {
    case 'literal':
      return [];
    case 'expression':
      return [template.expression];
    case 'template':
      return template.parts.filter((part): part is RuntimeExpression => typeof part !== 'string');
    case 'object':
      return template.entries.flatMap(([, value]) => expressionsIn(value));
    case 'array':
      return template.items.flatMap(expressionsIn);
    case 'selector':
      return [template.context];
  }
}

/** Only what the response itself holds: outputs read from elsewhere are learned at step-end. */
function responseScope(response: HttpResponse): ExpressionScope {
  return { inputs: {}, steps: {}, workflows: {}, sourceDescriptions: {}, response: { statusCode: response.status, headers: response.headers, body: response.body } };
}

function learnValue(value: unknown, redactor: Redactor): void {
  if (typeof value === 'string') redactor.learn(value);
  else if (typeof value === 'number') redactor.learn(String(value));
}

/** Token fields anywhere in a JSON body (bounded walk), or in a form-encoded token response. */
function learnBodyTokens(body: unknown, redactor: Redactor): void {
  if (typeof body === 'string') {
    if (!/(^|&)(access_token|id_token|refresh_token|token)=/.test(body)) return;
    for (const [name, value] of new URLSearchParams(body)) if (TOKEN_FIELDS.has(name.toLowerCase())) redactor.learn(value);
    return;
  }
  let budget = MAX_NODES;
  const walk = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || --budget < 0) return;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && TOKEN_FIELDS.has(key.toLowerCase())) redactor.learn(item);
      else walk(item, depth + 1);
    }
  };
  walk(body, 0);
}
