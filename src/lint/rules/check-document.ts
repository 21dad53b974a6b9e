/**
 * Document-level checks from the Spectral and Redocly rule sets and the checklist: id patterns
 * (5.1, 6.1), descriptions and summaries, <script> in markdown (3.2), reserved extension prefixes
 * (17.1), untyped (4.4) and unused (4.7) sources, Reusable Objects in workflow inputs (13.7).
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../../document/model.js';
import type { LintModel } from '../lint-model.js';
import type { LintReport } from '../lint-report.js';
import { forEachKey } from '../walk-document.js';
import { referencedSources } from '../referenced-sources.js';

const ID = /^[A-Za-z0-9_-]+$/;
const RESERVED_EXTENSION = /^x-(oai-|oas-|arazzo)/i;
/** Values that are data, not Arazzo objects: their keys are never extensions. */
const DATA_KEYS = new Set(['payload', 'value', 'inputs']);

export function checkDocument(model: LintModel, report: LintReport): void {
  checkInfo(model.root, report);
  for (const workflow of model.workflows) {
    const { raw, pointer, workflowId } = workflow;
    if (!ID.test(workflowId)) report.add('workflow-id-pattern', `workflowId "${workflowId}" should match [A-Za-z0-9_-]+`, childPointer(pointer, 'workflowId'));
    checkText(raw, pointer, report, ['summary', 'description']);
    if (typeof raw.description !== 'string') report.add('workflow-description-missing', `Workflow "${workflowId}" has no description`, pointer);
    if (typeof raw.summary !== 'string') report.add('workflow-summary-missing', `Workflow "${workflowId}" has no summary`, pointer);
    const inputs = ownField(raw, 'inputs');
    if (isObject(inputs) && typeof inputs.reference === 'string') {
      report.add('inputs-reusable-reference', 'Workflow inputs are a JSON Schema; a Reusable Object reference is not resolved here', childPointer(childPointer(pointer, 'inputs'), 'reference'), {
        ...(inputs.reference.startsWith('$components.inputs.') ? { fix: `#/components/inputs/${inputs.reference.slice('$components.inputs.'.length)}` } : {}),
      });
    }
    for (const step of workflow.steps) {
      if (!ID.test(step.stepId)) report.add('step-id-pattern', `stepId "${step.stepId}" should match [A-Za-z0-9_-]+`, childPointer(step.pointer, 'stepId'));
      checkText(step.raw, step.pointer, report, ['description']);
      if (typeof step.raw.description !== 'string') report.add('step-description-missing', `Step "${step.stepId}" has no description`, step.pointer);
    }
  }
  checkSources(model, report);
  checkExtensions(model.root, report);
}

function checkInfo(root: JsonObject, report: LintReport): void {
  const info = ownField(root, 'info');
  if (!isObject(info)) return;
  checkText(info, '/info', report, ['title', 'summary', 'description']);
  if (typeof info.description !== 'string') report.add('info-description-missing', 'info has no description', '/info');
  if (typeof info.summary !== 'string') report.add('info-summary-missing', 'info has no summary', '/info');
}

function checkText(object: JsonObject, pointer: string, report: LintReport, fields: readonly string[]): void {
  for (const field of fields) {
    const text = ownField(object, field);
    if (typeof text === 'string' && /<script/i.test(text)) {
      report.add('markdown-script-tag', `${field} contains a <script> tag`, childPointer(pointer, field), { hint: 'Remove it; renderers of the description may run it.' });
    }
  }
}

function checkSources(model: LintModel, report: LintReport): void {
  const list = ownField(model.root, 'sourceDescriptions');
  if (!Array.isArray(list)) return;
  const used = referencedSources(model);
  list.forEach((source, index) => {
    if (!isObject(source) || typeof source.name !== 'string') return;
    const pointer = childPointer('/sourceDescriptions', index);
    if (source.type === undefined) report.add('source-type-missing', `Source description "${source.name}" has no type`, pointer);
    if (used && !used.has(source.name)) {
      report.add('source-unused', `Source description "${source.name}" is never used by a step, action or expression`, pointer, { hint: 'Remove it, or reference one of its operations or workflows.' });
    }
  });
}

function checkExtensions(root: JsonObject, report: LintReport): void {
  const skip = new Set<string>();
  forEachKey(root, '', (key, pointer, owner) => {
    if ([...skip].some((p) => pointer.startsWith(`${p}/`))) return;
    if (DATA_KEYS.has(key) || (key === 'inputs' && owner === root.components)) skip.add(pointer);
    if (RESERVED_EXTENSION.test(key)) {
      report.add('extension-reserved-prefix', `Extension "${key}" uses a prefix reserved by the OpenAPI Initiative`, pointer, { hint: 'Pick another name, e.g. x-<your-org>-….' });
    }
  });
}
