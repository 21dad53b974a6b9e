/**
 * Every runtime expression in a document value or a criterion, with the JSON pointer of the
 * string that holds it and its offset inside that string. Uses the same compilers as the plan,
 * so lint sees exactly the expressions the runner would evaluate.
 */
import { compileCriterion } from '../criteria/compile-criterion.js';
import type { CompiledCriterion } from '../criteria/compiled-criterion.js';
import { walkCondition } from '../criteria/simple-condition.js';
import { childPointer } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';
import { compileValue } from '../expressions/compile-value.js';

export interface FoundExpression {
  expression: RuntimeExpression;
  pointer: string;
  offset: number;
  /** The whole string holding the expression (a fix rewrites this string); absent when re-pointed. */
  source?: string;
}

export function expressionsInValue(raw: unknown, pointer: string, bareExpressions = true): FoundExpression[] {
  return expressionsInTemplate(compileValue(raw, { bareExpressions }).template, raw, pointer);
}

/** Walks the template and the raw value side by side (the raw text gives the offsets). */
function expressionsInTemplate(template: ValueTemplate, raw: unknown, pointer: string): FoundExpression[] {
  const child = (key: string | number): unknown => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined);
  switch (template.kind) {
    case 'literal':
      return [];
    case 'expression':
      return [{ expression: template.expression, pointer, offset: 0, ...(typeof raw === 'string' ? { source: raw } : {}) }];
    case 'template':
      return partsWithOffsets(template.parts, typeof raw === 'string' ? raw : '', pointer);
    case 'object':
      return template.entries.flatMap(([key, value]) => expressionsInTemplate(value, child(key), childPointer(pointer, key)));
    case 'array':
      return template.items.flatMap((item, index) => expressionsInTemplate(item, child(index), childPointer(pointer, index)));
    case 'selector': {
      const context = child('context');
      return [{ expression: template.context, pointer: childPointer(pointer, 'context'), offset: 0, ...(typeof context === 'string' ? { source: context } : {}) }];
    }
  }
}

/** Each expression is found in the text after the previous part. */
function partsWithOffsets(parts: ReadonlyArray<string | RuntimeExpression>, text: string, pointer: string): FoundExpression[] {
  let cursor = 0;
  const found: FoundExpression[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      cursor += part.length;
      continue;
    }
    const at = text.indexOf(part.text, cursor);
    found.push({ expression: part, pointer, offset: Math.max(at, 0), source: text });
    cursor = at < 0 ? cursor : at + part.text.length;
  }
  return found;
}

/** Expressions in a Criterion Object: its context, and those inside its condition. */
export function expressionsInCriterion(raw: unknown, pointer: string): FoundExpression[] {
  // The widest reading, only to find expressions: a type the document's version lacks is reported by the plan.
  const { compiled } = compileCriterion(raw, true);
  if (!compiled) return [];
  const context = 'context' in compiled
    ? [{ expression: compiled.context, pointer: childPointer(pointer, 'context'), offset: 0, source: compiled.context.text }]
    : [];
  return [...context, ...conditionExpressions(compiled, childPointer(pointer, 'condition'))];
}

function conditionExpressions(compiled: CompiledCriterion, pointer: string): FoundExpression[] {
  switch (compiled.kind) {
    case 'simple':
    case 'jsonpath-comparison': {
      const found: FoundExpression[] = [];
      walkCondition(compiled.condition, (node) => {
        if (node.type === 'expression') found.push({ expression: node.expression, pointer, offset: node.offset, source: compiled.source });
      });
      return found;
    }
    case 'regex-template':
    case 'jsonpath-template':
      return expressionsInTemplate(compiled.template, compiled.source, pointer);
    default:
      return [];
  }
}

/** Every criterion in a list (successCriteria or an action's criteria). */
export function expressionsInCriteria(raw: unknown, pointer: string): FoundExpression[] {
  return Array.isArray(raw) ? raw.flatMap((criterion, index) => expressionsInCriterion(criterion, childPointer(pointer, index))) : [];
}
