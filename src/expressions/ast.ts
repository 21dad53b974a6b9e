/**
 * Typed trees for Arazzo 1.0.1 runtime expressions (spec: "Runtime Expressions").
 * Parsed once at load time, evaluated many times.
 */

import type { Evaluation } from './scope.js';

/** Decoded JSON pointer reference tokens (RFC 6901): "#/a~1b/0" → ["a/b", "0"]. */
export type PointerTokens = readonly string[];

export type MessageSource =
  | { kind: 'header'; name: string }
  | { kind: 'query'; name: string }
  | { kind: 'path'; name: string }
  | { kind: 'body'; pointer?: PointerTokens };

/** `$message.header.<token>` / `$message.payload[#/pointer]` (Arazzo 1.1.0 §Runtime Expressions). */
export type ReceivedMessageSource =
  | { kind: 'header'; name: string }
  | { kind: 'payload'; pointer?: PointerTokens };

export type ComponentSection = 'parameters' | 'successActions' | 'failureActions' | 'inputs';

export type RuntimeExpressionNode =
  | { kind: 'url' }
  | { kind: 'method' }
  | { kind: 'statusCode' }
  | { kind: 'request'; source: MessageSource }
  | { kind: 'response'; source: MessageSource }
  /** The document's own URI, its `$self` field (1.1). */
  | { kind: 'self' }
  /** A message an AsyncAPI step sent or received (1.1). */
  | { kind: 'message'; source: ReceivedMessageSource }
  /** $inputs.name[#/pointer] */
  | { kind: 'inputs'; name: string; pointer?: PointerTokens }
  /** $outputs.name[#/pointer] */
  | { kind: 'outputs'; name: string; pointer?: PointerTokens }
  /** $steps.<stepId>.outputs.<name>[#/pointer]; no name: `$steps.<stepId>.outputs`, the whole map (1.0.x). */
  | { kind: 'steps'; stepId: string; name?: string; pointer?: PointerTokens }
  /** $workflows.<workflowId>.(inputs|outputs).<name>[#/pointer] */
  | { kind: 'workflows'; workflowId: string; field: 'inputs' | 'outputs'; name: string; pointer?: PointerTokens }
  /** $sourceDescriptions.<name>.<member> — member is `url`, `type`, an operationId or a workflowId. */
  | { kind: 'sourceDescriptions'; name: string; member: string }
  /** $components.<section>.<name> */
  | { kind: 'components'; section: ComponentSection; name: string };

/** A parsed runtime expression with the exact text it came from. */
export type RuntimeExpression = RuntimeExpressionNode & { readonly text: string };

/**
 * A value from the document compiled once: a literal, one whole expression (keeps the
 * value's type), a string template with embedded expressions, or a container of those.
 */
export type ValueTemplate =
  | { kind: 'literal'; value: unknown }
  | { kind: 'expression'; expression: RuntimeExpression }
  | { kind: 'template'; parts: ReadonlyArray<string | RuntimeExpression> }
  | { kind: 'object'; entries: ReadonlyArray<readonly [string, ValueTemplate]> }
  | { kind: 'array'; items: readonly ValueTemplate[] }
  /**
   * Arazzo 1.1.0 §Selector Object: `context` evaluated, then `selector` applied to it. `select` is
   * the selector compiled once at load (plan/compile-selector.ts): JSONPath or JSON Pointer.
   */
  | { kind: 'selector'; context: RuntimeExpression; type: 'jsonpath' | 'jsonpointer'; selector: string; select: (value: unknown) => Evaluation };
