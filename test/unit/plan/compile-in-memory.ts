/**
 * compilePlan over small in-memory documents: one Arazzo document plus one OpenAPI source, both
 * plain objects. No files, no swagger-parser.
 */
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { renderValue } from '../../../src/expressions/evaluate-expression.js';
import type { ValueTemplate } from '../../../src/expressions/ast.js';
import { compilePlan, type CompileResult } from '../../../src/plan/compile-plan.js';
import { indexOperations } from '../../../src/plan/operation-index.js';
import type { StepPlan, WorkflowPlan } from '../../../src/plan/plan.js';

export const DOC = '/virtual/flow.arazzo.yaml';

/** GET /items/{id} (getItem), POST /items (createItem), with a header parameter X-Trace. */
export const ITEMS_API = {
  openapi: '3.1.0',
  info: { title: 'Items', version: '1' },
  servers: [{ url: 'https://items.example.invalid/v1' }],
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        responses: { 200: { description: 'ok' } },
      },
    },
    '/items': {
      post: {
        operationId: 'createItem',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { 201: { description: 'created' } },
      },
    },
  },
};

/** An Arazzo 1.0.1 document around the given workflows (and components). */
export function arazzo(workflows: unknown[], components?: Record<string, unknown>): Record<string, unknown> {
  return {
    arazzo: '1.0.1',
    info: { title: 'in-memory', version: '1.0.0' },
    sourceDescriptions: [{ name: 'items', url: './items.yaml', type: 'openapi' }],
    workflows,
    ...(components ? { components } : {}),
  };
}

export function compileDocument(document: unknown): CompileResult {
  return compilePlan({
    rootKey: DOC,
    documents: new Map([[DOC, {
      key: DOC,
      parsed: { value: document },
      sources: [{
        name: 'items',
        url: './items.yaml',
        location: '/virtual/items.yaml',
        type: 'openapi' as const,
        pointer: '/sourceDescriptions/0',
        operations: indexOperations('items', ITEMS_API),
      }],
    }]]),
  });
}

/** [code, pointer] of every diagnostic, for exact assertions. */
export const codesAt = (diagnostics: readonly Diagnostic[]): Array<[string, string | undefined]> =>
  diagnostics.map((d) => [d.code, d.pointer]);

export function workflowOf(result: CompileResult, workflowId: string): WorkflowPlan {
  const workflow = result.plan.documents.get(DOC)?.workflows.get(workflowId);
  if (!workflow) throw new Error(`workflow ${workflowId} did not compile: ${JSON.stringify(codesAt(result.diagnostics))}`);
  return workflow;
}

export function stepOf(result: CompileResult, workflowId: string, stepId: string): StepPlan {
  const step = workflowOf(result, workflowId).steps.find((s) => s.stepId === stepId);
  if (!step) throw new Error(`step ${stepId} not in ${workflowId}`);
  return step;
}

/** A compiled value with an empty scope: literals come back as themselves. */
export const literal = (template: ValueTemplate): unknown =>
  renderValue(template, { inputs: {}, steps: {}, workflows: {}, sourceDescriptions: {} });
