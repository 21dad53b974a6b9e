/**
 * Names of the source descriptions a document uses: by resolved operations, `$sourceDescriptions.x`
 * anywhere in a string, the short forms `x#/paths/…` and `x.operationId`. Undefined when an
 * operation could not be resolved (unknown, or its source failed to load): any source may be the one.
 */
import { isObject } from '../document/model.js';
import type { LintModel } from './lint-model.js';

const QUALIFIED = /\$sourceDescriptions\.([A-Za-z0-9_-]+)/g;

export function referencedSources(model: LintModel): Set<string> | undefined {
  const declared = Object.keys(model.references.declaredSources);
  const used = new Set<string>();
  let unresolved = false;
  for (const workflow of model.workflows) {
    for (const step of workflow.steps) {
      if (step.operation) used.add(step.operation.sourceName);
      else if (step.kind === 'operation') unresolved = true;
      for (const field of ['operationId', 'operationPath']) {
        const text = step.raw[field];
        if (typeof text !== 'string') continue;
        const prefix = /^([A-Za-z0-9_-]+)[#.]/.exec(text)?.[1];
        if (prefix !== undefined && declared.includes(prefix)) used.add(prefix);
      }
    }
  }
  collectQualified(model.root, used, 0);
  return unresolved ? undefined : used;
}

function collectQualified(value: unknown, used: Set<string>, depth: number): void {
  if (depth > 64) return;
  if (typeof value === 'string') {
    for (const match of value.matchAll(QUALIFIED)) used.add(match[1]!);
  } else if (Array.isArray(value)) {
    for (const item of value) collectQualified(item, used, depth + 1);
  } else if (isObject(value)) {
    for (const item of Object.values(value)) collectQualified(item, used, depth + 1);
  }
}
