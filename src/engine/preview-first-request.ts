/**
 * `--dry-run`: the first request each workflow of a run would send, built exactly as the run
 * builds it (same parameter rendering, server URL, body encoding) but sent nowhere. Before any
 * step ran, only `$inputs`, `$sourceDescriptions` and `$components` have values; every other
 * expression is listed as unresolved. Pure: plan and inputs in, previews out.
 *
 * Order follows the run: a workflow's dependsOn first, then its first step; a first step that
 * calls a workflow previews that workflow with the inputs the step would pass.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import { renderPayload } from '../expressions/render-payload.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { DocumentPlan, Plan, StepPlan, WorkflowRef } from '../plan/plan.js';
import { workflowKey } from '../plan/plan.js';
import { applyReplacements } from './apply-replacements.js';
import { buildRequest } from './build-request.js';
import type { HttpRequest } from './ports.js';
import { resolveServerUrl } from './resolve-server-url.js';
import { setOwn } from '../document/set-own.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import { DEFAULT_RECEIVE_TIMEOUT_MS, renderMessage } from './message-step.js';
import { asyncChannelKey } from './run-env.js';

export interface RequestPreview {
  workflowId: string;
  stepId: string;
  request?: HttpRequest;
  /** Arazzo 1.1 AsyncAPI step: the message it would send, or where it would wait for one. */
  message?: MessagePreview;
  /** Why no request could be built (e.g. a path parameter that depends on an earlier step). */
  problem?: Problem;
  /** Expressions that have no value before the run starts. */
  unresolved: string[];
}

export interface MessagePreview {
  action: 'send' | 'receive';
  protocol: string;
  server: string;
  address: string;
  headers: Record<string, string>;
  payload?: unknown;
  /** receive: the correlation id it waits for, and for how long. */
  correlationId?: string;
  timeoutMs?: number;
}

export interface PreviewOptions {
  servers?: Readonly<Record<string, string>>;
  serverVariables?: Readonly<Record<string, string>>;
  /** The run's AsyncAPI channels by asyncChannelKey, for a first step that sends or receives a message. */
  channels?: ReadonlyMap<string, AsyncChannel>;
}

export function previewFirstRequests(plan: Plan, ref: WorkflowRef, inputs: Readonly<Record<string, unknown>>, options: PreviewOptions = {}): RequestPreview[] {
  const previews: RequestPreview[] = [];
  const seen = new Set<string>();
  const visit = (current: WorkflowRef, workflowInputs: Readonly<Record<string, unknown>>): void => {
    const document = plan.documents.get(current.documentKey);
    const workflow = document?.workflows.get(current.workflowId);
    if (!document || !workflow || seen.has(workflowKey(current))) return;
    seen.add(workflowKey(current));
    for (const dependency of workflow.dependsOn) visit(dependency, workflowInputs);
    const first = workflow.steps[0];
    if (!first) return;
    const scope = scopeOf(document, workflowInputs);
    if (first.target.kind === 'workflow') {
      visit(first.target.workflow, childInputs(first, scope));
      return;
    }
    if (first.target.kind === 'asyncapi') {
      previews.push({ workflowId: workflow.workflowId, ...previewMessage(first, scope, options.channels?.get(asyncChannelKey(document.key, workflow.workflowId, first.stepId))) });
      return;
    }
    previews.push({ workflowId: workflow.workflowId, ...previewStep(first, scope, options) });
  };
  visit(ref, inputs);
  return previews;
}

function scopeOf(document: DocumentPlan, inputs: Readonly<Record<string, unknown>>): ExpressionScope {
  return { inputs, steps: {}, workflows: {}, sourceDescriptions: document.sourceDescriptions, components: document.components, ...(document.self !== undefined ? { self: document.self } : {}) };
}

function childInputs(step: StepPlan, scope: ExpressionScope): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const parameter of step.parameters) {
    const value = renderValue(parameter.value, scope);
    if (value !== undefined) setOwn(inputs, parameter.name, value);
  }
  return inputs;
}

/** Renders templates in the scope before the run, listing the expressions that have no value yet. */
function renderer(scope: ExpressionScope): { unresolved: string[]; noteUnresolved: (expression: RuntimeExpression) => void; render: (template: ValueTemplate) => unknown } {
  const unresolved: string[] = [];
  const noteUnresolved = (expression: RuntimeExpression): void => {
    if (!unresolved.includes(expression.text)) unresolved.push(expression.text);
  };
  return { unresolved, noteUnresolved, render: (template) => renderValue(template, scope, noteUnresolved) };
}

function previewMessage(step: StepPlan, scope: ExpressionScope, channel: AsyncChannel | undefined): Omit<RequestPreview, 'workflowId'> {
  const { unresolved, render } = renderer(scope);
  const base = { stepId: step.stepId, unresolved };
  if (!channel) return base;
  const { address, message, correlationId } = renderMessage(step, channel.address, render);
  const receive = channel.action === 'receive';
  return {
    ...base,
    message: {
      action: channel.action,
      protocol: channel.protocol,
      server: channel.serverUrl,
      address,
      headers: message.headers,
      ...(!receive && message.payload !== undefined ? { payload: message.payload } : {}),
      ...(receive && correlationId !== undefined ? { correlationId } : {}),
      ...(receive ? { timeoutMs: step.timeout ?? DEFAULT_RECEIVE_TIMEOUT_MS } : {}),
    },
  };
}

function previewStep(step: StepPlan, scope: ExpressionScope, options: PreviewOptions): Omit<RequestPreview, 'workflowId'> {
  const { unresolved, noteUnresolved, render } = renderer(scope);
  const base = { stepId: step.stepId, unresolved };
  if (step.target.kind !== 'operation') return base;
  const { operation, source } = step.target;
  const override = options.servers?.[source.name];
  const server = resolveServerUrl({ servers: operation.servers, sourceUrl: source.url, ...(override ? { override } : {}), ...(options.serverVariables ? { variables: options.serverVariables } : {}) });
  if (!server.ok) return { ...base, problem: server.problem };
  const parameters = step.parameters.flatMap((p) => (p.in && p.in !== 'channel' ? [{ name: p.name, in: p.in, value: render(p.value) }] : []));
  let body: { contentType?: string; value: unknown } | undefined;
  if (step.requestBody) {
    const payload = step.requestBody.payload ? renderPayload(step.requestBody.payload, scope, noteUnresolved) : undefined;
    const replaced = applyReplacements(payload, step.requestBody.replacements.map((r) => ({ target: r.target, value: render(r.value) })));
    if (!replaced.ok) return { ...base, problem: { code: 'payload-replacement-failed', message: replaced.message } };
    body = { ...(step.requestBody.contentType ? { contentType: step.requestBody.contentType } : {}), value: replaced.value };
  }
  const built = buildRequest({ operation, baseUrl: server.url, parameters, ...(body ? { body } : {}) });
  return built.ok ? { ...base, request: built.request } : { ...base, problem: built.problem };
}
