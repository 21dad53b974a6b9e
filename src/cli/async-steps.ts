/**
 * Before a run: the channel of every AsyncAPI step the run may reach, resolved in its source's
 * AsyncAPI document (plan/async-channel.ts) with `--server <source>=<url>` applied. A step that
 * cannot be resolved, or uses a protocol this version cannot speak, is an error (exit 2, nothing
 * sent or published).
 */
import { SUPPORTED_PROTOCOLS } from '../brokers/supported-protocols.js';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { asyncChannelKey } from '../engine/run-env.js';
import type { Workspace } from '../load/load-workspace.js';
import { asyncSourceOf, resolveAsyncChannel, type AsyncChannel } from '../plan/async-channel.js';
import type { WorkflowPlan } from '../plan/plan.js';

export function resolveAsyncSteps(workflows: readonly WorkflowPlan[], workspace: Workspace, servers: Readonly<Record<string, string>>, serverVariables: Readonly<Record<string, string>>): { channels: Map<string, AsyncChannel>; diagnostics: Diagnostic[] } {
  const channels = new Map<string, AsyncChannel>();
  const diagnostics: Diagnostic[] = [];
  for (const workflow of workflows) {
    const document = workspace.documents.get(workflow.ref.documentKey);
    for (const step of workflow.steps) {
      if (step.target.kind !== 'asyncapi') continue;
      const place = { file: workflow.ref.documentKey, pointer: step.pointer };
      const source = asyncSourceOf(step.target, document?.sources ?? []);
      if (!source) {
        diagnostics.push(makeDiagnostic('asyncapi-step-unsupported', 'error', `Step "${step.stepId}": ${step.target.reference.text} names no asyncapi source description that could be read`, { ...place, hint: 'Name a sourceDescriptions entry of type asyncapi, e.g. $sourceDescriptions.events.placeOrder.' }));
        continue;
      }
      const { name } = source;
      const resolved = resolveAsyncChannel(source.asyncapi, name, step.target.reference, step.target.action, servers[name], serverVariables);
      if (!resolved.ok) {
        diagnostics.push(makeDiagnostic(resolved.problem.code, 'error', `Step "${step.stepId}": ${resolved.problem.message}`, { ...place, ...(resolved.problem.hint ? { hint: resolved.problem.hint } : {}) }));
        continue;
      }
      if (!SUPPORTED_PROTOCOLS.includes(resolved.channel.protocol)) {
        diagnostics.push(makeDiagnostic('asyncapi-step-unsupported', 'error', `Step "${step.stepId}": its channel ${resolved.channel.address} is on a ${resolved.channel.protocol} server (${resolved.channel.serverUrl}); this version sends and receives over ${SUPPORTED_PROTOCOLS.join(', ')} only`, { ...place, hint: `Point the source at a supported broker, e.g. --server ${name}=mqtt://host:1883 or nats://host:4222, or run a workflow without this step.` }));
        continue;
      }
      channels.set(asyncChannelKey(workflow.ref.documentKey, workflow.workflowId, step.stepId), resolved.channel);
    }
  }
  return { channels, diagnostics };
}
