/** A step's parameters and body rendered in its scope → the request to send and its `$request` view. */
import type { ValueTemplate } from '../expressions/ast.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import { renderPayload } from '../expressions/render-payload.js';
import type { ExpressionScope, RequestView } from '../expressions/scope.js';
import type { StepPlan } from '../plan/plan.js';
import { applyReplacements } from './apply-replacements.js';
import { buildRequest } from './build-request.js';
import type { HttpRequest } from './ports.js';
import { resolveServerUrl } from './resolve-server-url.js';
import { warn, type FramePlan, type RunEnv } from './run-env.js';
import type { RunState } from './run-state.js';

export type Prepared = { ok: true; request: HttpRequest; view: RequestView } | { ok: false; reason: string };

export function prepareRequest(state: RunState, env: RunEnv, at: FramePlan, step: StepPlan, scope: ExpressionScope): Prepared {
  if (step.target.kind !== 'operation') return { ok: false, reason: 'not an operation step' };
  const { operation, source } = step.target;
  const baseUrl = serverUrlOf(env, source.name, operation.servers, source.url);
  if (!baseUrl.ok) return { ok: false, reason: baseUrl.reason };
  const render = (template: ValueTemplate, pointer: string, renderer = renderValue): unknown =>
    renderer(template, scope, (expression, reason) => {
      if (template.kind === 'template') warn(state, env, 'expression-unresolved', `${expression.text} in step ${step.stepId} has no value (${reason}); it was left empty`, { file: at.document.key, pointer });
    });
  const parameters = step.parameters.flatMap((p) => (p.in && p.in !== 'channel' ? [{ name: p.name, in: p.in, value: render(p.value, p.pointer) }] : []));
  let body: { contentType?: string; value: unknown } | undefined;
  if (step.requestBody) {
    const payload = step.requestBody.payload ? render(step.requestBody.payload, step.requestBody.pointer, renderPayload) : undefined;
    const replaced = applyReplacements(payload, step.requestBody.replacements.map((r) => ({ target: r.target, ...(r.locate ? { locate: r.locate } : {}), value: render(r.value, r.pointer) })));
    if (!replaced.ok) return { ok: false, reason: replaced.message };
    body = { ...(step.requestBody.contentType ? { contentType: step.requestBody.contentType } : {}), value: replaced.value };
  }
  const built = buildRequest({ operation, baseUrl: baseUrl.url, parameters, ...(body ? { body } : {}) });
  if (!built.ok) return { ok: false, reason: built.problem.message };
  return { ok: true, request: built.request, view: built.view };
}

type ServerList = Parameters<typeof resolveServerUrl>[0]['servers'];

function serverUrlOf(env: RunEnv, sourceName: string, servers: ServerList, sourceUrl: string): { ok: true; url: string } | { ok: false; reason: string } {
  const key = `${sourceName}|${servers.map((s) => s.url).join(',')}`;
  const cached = env.serverUrls.get(key);
  if (cached) return { ok: true, url: cached };
  const override = env.options.servers?.[sourceName];
  const result = resolveServerUrl({
    servers,
    sourceUrl,
    ...(override ? { override } : {}),
    ...(env.options.serverVariables ? { variables: env.options.serverVariables } : {}),
  });
  if (!result.ok) return { ok: false, reason: `${result.problem.message}${result.problem.hint ? ` (${result.problem.hint})` : ''}` };
  env.serverUrls.set(key, result.url);
  return { ok: true, url: result.url };
}
