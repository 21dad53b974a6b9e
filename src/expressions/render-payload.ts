/**
 * A request payload rendered for the encoder (issue 10 item 1). A string template keeps its
 * values apart from its literal text, because only the encoder knows the media type and so how
 * a value must be written into the text: JSON-escaped inside a JSON string, as a JSON value
 * outside one, XML-escaped, percent-encoded in a form. Pasting the raw text instead let a value
 * such as `x", "role": "admin` add fields to a JSON body.
 */
import type { RuntimeExpression, ValueTemplate } from './ast.js';
import { evaluateExpression, renderValue, stringifyForTemplate } from './evaluate-expression.js';
import type { ExpressionScope } from './scope.js';

/** A value inserted into a template; `value` is undefined when its expression had no value. */
export interface TemplateHole {
  readonly value: unknown;
  readonly expression: string;
}

export type TemplatePart = string | TemplateHole;

export class RenderedTemplate {
  constructor(readonly parts: readonly TemplatePart[]) {}

  /** Literal text of the template, holes left out: what the author wrote around the values. */
  get skeleton(): string {
    return this.parts.filter((part): part is string => typeof part === 'string').join('');
  }

  /** Plain text, each value stringified (checklist §16.2): for media types with no escaping. */
  toString(): string {
    return this.parts.map((part) => (typeof part === 'string' ? part : stringifyForTemplate(part.value))).join('');
  }
}

/** Like renderValue, except that a top-level string template becomes a RenderedTemplate. */
export function renderPayload(
  template: ValueTemplate,
  scope: ExpressionScope,
  onMissing?: (expression: RuntimeExpression, reason: string) => void,
): unknown {
  if (template.kind !== 'template') return renderValue(template, scope, onMissing);
  return new RenderedTemplate(template.parts.map((part) => {
    if (typeof part === 'string') return part;
    const result = evaluateExpression(part, scope);
    if (!result.found) onMissing?.(part, result.reason);
    return { value: result.found ? result.value : undefined, expression: part.text };
  }));
}
