/**
 * Evaluates parsed runtime expressions against an ExpressionScope (spec §Runtime Expressions:
 * "runtime expressions preserve the type of the referenced value"). Missing data is a value
 * ({ found: false, reason }), never an exception and never ''.
 */
import type { MessageSource, RuntimeExpression, ValueTemplate } from './ast.js';
import { applyPointer, found, headerValue, lookupName, missing, ownValue } from './lookup-value.js';
import type { Evaluation, ExpressionScope } from './scope.js';
import { evaluateReference } from './evaluate-reference.js';

const NO_REQUEST = missing('no request has been sent yet');
const NO_RESPONSE = missing('no response has been received yet');

export function evaluateExpression(expression: RuntimeExpression, scope: ExpressionScope): Evaluation {
  const result = evaluateNode(expression, scope);
  return result.found && result.value === undefined ? missing(`${expression.text} has no value`) : result;
}

function evaluateNode(e: RuntimeExpression, scope: ExpressionScope): Evaluation {
  switch (e.kind) {
    case 'url':
      return scope.request ? found(scope.request.url) : NO_REQUEST;
    case 'method':
      return scope.request ? found(scope.request.method) : NO_REQUEST;
    case 'statusCode':
      return scope.response ? found(scope.response.statusCode) : NO_RESPONSE;
    case 'self':
      return scope.self !== undefined ? found(scope.self) : missing('the document declares no $self');
    case 'request':
      return scope.request ? evaluateMessage(e.source, scope.request, 'request') : NO_REQUEST;
    case 'response':
      return scope.response ? evaluateMessage(e.source, scope.response, 'response') : NO_RESPONSE;
    case 'message':
      if (!scope.message) return missing('no message has been sent or received in this step');
      if (e.source.kind === 'header') return headerValue(scope.message.headers, e.source.name, `the message has no header ${e.source.name}`);
      return applyPointer(scope.message.payload === undefined ? missing('the message has no payload') : found(scope.message.payload), e.source.pointer, 'the message payload');
    case 'inputs':
      return applyPointer(lookupName(scope.inputs, e.name, `input ${e.name} was not given`), e.pointer, `input ${e.name}`);
    case 'outputs':
      if (scope.outputs === undefined) return missing('no workflow outputs are available here');
      return applyPointer(lookupName(scope.outputs, e.name, `output ${e.name} is not set`), e.pointer, `output ${e.name}`);
    default:
      return evaluateReference(e, scope);
  }
}

interface MessageView {
  headers: unknown;
  body?: unknown;
  query?: unknown;
  path?: unknown;
}

function evaluateMessage(source: MessageSource, view: MessageView, which: 'request' | 'response'): Evaluation {
  switch (source.kind) {
    case 'header':
      return headerValue(view.headers, source.name, `the ${which} has no header ${source.name}`);
    case 'query':
    case 'path':
      if (which === 'response') return missing(`a response has no ${source.kind} parameters`);
      return ownValue(view[source.kind], source.name, `the request has no ${source.kind} parameter ${source.name}`);
    case 'body': {
      const body = view.body === undefined ? missing(`the ${which} has no body`) : found(view.body);
      return applyPointer(body, source.pointer, `the ${which} body`);
    }
  }
}

/**
 * Renders a compiled value. A whole expression keeps its type (undefined when missing); object
 * entries that render to undefined are left out; undefined array items become null; template
 * parts are stringified and a missing part renders as ''. `onMissing` hears every miss.
 */
export function renderValue(
  template: ValueTemplate,
  scope: ExpressionScope,
  onMissing?: (expression: RuntimeExpression, reason: string) => void,
): unknown {
  const evaluate = (expression: RuntimeExpression): unknown => {
    const result = evaluateExpression(expression, scope);
    if (result.found) return result.value;
    onMissing?.(expression, result.reason);
    return undefined;
  };
  const render = (t: ValueTemplate): unknown => {
    switch (t.kind) {
      case 'literal':
        return t.value;
      case 'expression':
        return evaluate(t.expression);
      case 'template':
        return t.parts.map((part) => (typeof part === 'string' ? part : stringifyForTemplate(evaluate(part)))).join('');
      case 'object':
        // fromEntries defines own properties, so a "__proto__" key stays data.
        return Object.fromEntries(t.entries.map(([key, value]) => [key, render(value)] as const).filter(([, v]) => v !== undefined));
      case 'array':
        return t.items.map((item) => render(item) ?? null);
      case 'selector': {
        const context = evaluateExpression(t.context, scope);
        const selected = context.found ? t.select(context.value) : context;
        if (selected.found) return selected.value;
        onMissing?.(t.context, `the ${t.type} selector ${t.selector} selects nothing (${selected.reason})`);
        return undefined;
      }
    }
  };
  return render(template);
}

/** Embedded values: scalars → String, objects/arrays → JSON text, null/undefined → '' (checklist §16.2). */
export function stringifyForTemplate(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Cycles and BigInt cannot be JSON; a template still needs some text.
    return String(value);
  }
}
