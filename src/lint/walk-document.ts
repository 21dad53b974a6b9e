/** Visits every action object and every criteria list where it is written (steps, workflows, components). */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import type { LintModel } from './lint-model.js';

type ActionVisitor = (action: JsonObject, pointer: string) => void;

export function forEachAction(model: LintModel, visit: ActionVisitor): void {
  const list = (raw: unknown, pointer: string): void => {
    if (!Array.isArray(raw)) return;
    raw.forEach((item, index) => {
      if (isObject(item) && !Object.hasOwn(item, 'reference')) visit(item, childPointer(pointer, index));
    });
  };
  for (const workflow of model.workflows) {
    list(ownField(workflow.raw, 'successActions'), childPointer(workflow.pointer, 'successActions'));
    list(ownField(workflow.raw, 'failureActions'), childPointer(workflow.pointer, 'failureActions'));
    for (const step of workflow.steps) {
      list(ownField(step.raw, 'onSuccess'), childPointer(step.pointer, 'onSuccess'));
      list(ownField(step.raw, 'onFailure'), childPointer(step.pointer, 'onFailure'));
    }
  }
  for (const slot of ['successActions', 'failureActions']) {
    const table = ownField(model.components, slot);
    if (!isObject(table)) continue;
    for (const [name, action] of Object.entries(table)) {
      if (isObject(action)) visit(action, childPointer(childPointer('/components', slot), name));
    }
  }
}

export function forEachCriteriaList(model: LintModel, visit: (list: readonly unknown[], pointer: string) => void): void {
  for (const workflow of model.workflows) {
    for (const step of workflow.steps) {
      const criteria = ownField(step.raw, 'successCriteria');
      if (Array.isArray(criteria)) visit(criteria, childPointer(step.pointer, 'successCriteria'));
    }
  }
  forEachAction(model, (action, pointer) => {
    const criteria = ownField(action, 'criteria');
    if (Array.isArray(criteria)) visit(criteria, childPointer(pointer, 'criteria'));
  });
}

/** Every object key in the document with its pointer (for extension-name checks). */
export function forEachKey(value: unknown, pointer: string, visit: (key: string, pointer: string, owner: JsonObject) => void, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => forEachKey(item, childPointer(pointer, index), visit, depth + 1));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const at = childPointer(pointer, key);
    visit(key, at, value);
    forEachKey(child, at, visit, depth + 1);
  }
}
