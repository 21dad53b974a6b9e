/**
 * Arazzo 1.1.0 §Selector Object ({context, selector, type}) and §Expression Type Object: compiled
 * once at load into a 'selector' ValueTemplate whose `select` runs the query. `jsonpath` is RFC 9535
 * (json-p3) unless the version says `draft-goessner-dispatch-jsonpath-00` (jsonpath-plus);
 * `jsonpointer` is RFC 6901. A query that selects one node gives its value, several give the list
 * of values, none gives nothing (the step sees it as unresolved). XPath is refused at load.
 */
import type { Code, Problem } from '../diagnostics/diagnostic.js';
import { isObject, ownField } from '../document/model.js';
import { compileGoessner, compileJsonPath, queryGoessner, queryJsonPath } from '../criteria/jsonpath.js';
import type { ValueTemplate } from '../expressions/ast.js';
import { compileString } from '../expressions/compile-string.js';
import { parsePointer, resolvePointer } from '../expressions/json-pointer.js';
import type { Evaluation } from '../expressions/scope.js';

const FIELDS = new Set(['context', 'selector', 'type']);

/** A value is a Selector Object when it has the three fields and nothing else but extensions. */
export function isSelectorObject(raw: unknown): raw is Record<string, unknown> {
  if (!isObject(raw)) return false;
  const keys = Object.keys(raw);
  return ['context', 'selector', 'type'].every((k) => keys.includes(k)) && keys.every((k) => FIELDS.has(k) || k.startsWith('x-'));
}

const fail = (code: Code, message: string, hint?: string): { problem: Problem } => ({ problem: { code, message, severity: 'error', ...(hint ? { hint } : {}) } });

const fromNodes = (nodes: unknown[]): Evaluation =>
  nodes.length === 0 ? { found: false, reason: 'no node matches' } : { found: true, value: nodes.length === 1 ? nodes[0] : nodes };

export function compileSelector(raw: Record<string, unknown>): { template: ValueTemplate } | { problem: Problem } {
  const context = ownField(raw, 'context');
  const selector = ownField(raw, 'selector');
  const typeField = ownField(raw, 'type');
  const type = isObject(typeField) ? ownField(typeField, 'type') : typeField;
  const version = isObject(typeField) ? ownField(typeField, 'version') : undefined;
  if (typeof selector !== 'string') return fail('selector-invalid', 'The Selector Object\'s selector must be a string');
  if (typeof context !== 'string') return fail('selector-invalid', 'The Selector Object\'s context must be a runtime expression such as $response.body');
  const compiled = compileString(context, true);
  if (compiled.problems.length > 0 || compiled.template.kind !== 'expression') {
    return fail('selector-invalid', `The Selector Object's context "${context}" is not one runtime expression`, 'Write e.g. context: $response.body');
  }
  const expression = compiled.template.expression;
  if (type === 'xpath') return fail('selector-xpath-unsupported', `XPath selector ${selector} is not supported`, 'Use a jsonpath or jsonpointer selector, or a runtime expression.');
  if (type === 'jsonpointer') {
    const pointer = parsePointer(selector.replace(/^#/, ''));
    if (!pointer.ok) return fail('selector-invalid', `The JSON Pointer selector ${selector} is invalid: ${pointer.problem.message}`, 'Write e.g. /items/0/id (RFC 6901).');
    return { template: { kind: 'selector', context: expression, type: 'jsonpointer', selector, select: (value) => resolvePointer(value, pointer.tokens) } };
  }
  if (type !== 'jsonpath') return fail('selector-invalid', `Selector type ${String(type)} is not jsonpath, jsonpointer or xpath`);
  if (version === 'draft-goessner-dispatch-jsonpath-00') {
    const goessner = compileGoessner(selector);
    if (!goessner.ok) return { problem: { ...goessner.problem, code: 'selector-invalid', severity: 'error' } };
    return { template: { kind: 'selector', context: expression, type: 'jsonpath', selector, select: (value) => fromNodes(queryGoessner(goessner.path, value)) } };
  }
  if (version !== undefined && version !== 'rfc9535') return fail('selector-invalid', `JSONPath version ${String(version)} is not rfc9535 or draft-goessner-dispatch-jsonpath-00`);
  const query = compileJsonPath(selector);
  if (!query.ok) return { problem: { ...query.problem, code: 'selector-invalid', severity: 'error' } };
  return { template: { kind: 'selector', context: expression, type: 'jsonpath', selector, select: (value) => fromNodes(queryJsonPath(query.query, value)) } };
}
