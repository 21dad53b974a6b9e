/**
 * `arazzo describe` on a document with errors: a workflow the plan could not compile (an unknown
 * operationId, a broken reference) is still described from the document as written, so a user
 * sees its inputs and steps next to the list of errors.
 */
import { isObject, ownField } from '../document/model.js';
import { setOwn } from '../document/set-own.js';
import { describeInputs, type DocumentHeader, type WorkflowDescription } from './describe-document.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function describeRawHeader(document: unknown): DocumentHeader | undefined {
  if (!isObject(document)) return undefined;
  const info = ownField(document, 'info');
  const title = isObject(info) ? text(ownField(info, 'title')) : undefined;
  const sources: Record<string, { url: string; type?: string }> = {};
  for (const source of list(ownField(document, 'sourceDescriptions')).filter(isObject)) {
    const name = text(ownField(source, 'name'));
    const type = text(ownField(source, 'type'));
    if (name !== undefined) setOwn(sources, name, { url: text(ownField(source, 'url')) ?? '?', ...(type ? { type } : {}) });
  }
  return { arazzo: text(ownField(document, 'arazzo')) ?? '?', ...(title ? { title } : {}), sourceDescriptions: sources };
}

/** Every workflow of the raw document, in document order, as far as it can be read. */
export function describeRawWorkflows(document: unknown): WorkflowDescription[] {
  const workflows = isObject(document) ? list(ownField(document, 'workflows')).filter(isObject) : [];
  return workflows.map((workflow, index) => {
    const summary = text(ownField(workflow, 'summary'));
    const description = text(ownField(workflow, 'description'));
    const outputs = ownField(workflow, 'outputs');
    return {
      workflowId: text(ownField(workflow, 'workflowId')) ?? `(workflow ${index + 1} has no workflowId)`,
      ...(summary ? { summary } : {}),
      ...(description ? { description } : {}),
      inputs: describeInputs(ownField(workflow, 'inputs')),
      steps: list(ownField(workflow, 'steps')).filter(isObject).map((step, at) => {
        const stepDescription = text(ownField(step, 'description'));
        return { stepId: text(ownField(step, 'stepId')) ?? `(step ${at + 1})`, calls: rawTarget(step), ...(stepDescription ? { description: stepDescription.replace(/\s+/g, ' ').trim() } : {}) };
      }),
      outputs: isObject(outputs) ? Object.keys(outputs) : [],
      dependsOn: list(ownField(workflow, 'dependsOn')).filter((d): d is string => typeof d === 'string'),
    };
  });
}

function rawTarget(step: Record<string, unknown>): string {
  const operationId = text(ownField(step, 'operationId'));
  if (operationId) return `operationId ${operationId} (not resolved)`;
  const operationPath = text(ownField(step, 'operationPath'));
  if (operationPath) return `operationPath ${operationPath} (not resolved)`;
  const workflowId = text(ownField(step, 'workflowId'));
  return workflowId ? `workflow ${workflowId}` : '(no target)';
}
