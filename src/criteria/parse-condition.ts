/**
 * Recursive-descent parser for the Simple condition language (checklist §14).
 *
 *   or      = and *( "||" and )
 *   and     = compare *( "&&" compare )
 *   compare = unary [ cmp-op unary ]          ; a second cmp-op is an error
 *   unary   = "!" unary / operand
 *   operand = literal / "(" or ")" / ( expression / "$" ) *( "." name / "[" index-or-key "]" )
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import { conditionError } from './scan-condition.js';
import { COMPARISON_OPERATORS, type ComparisonOperator, type ConditionNode, type NavigationStep } from './simple-condition.js';
import { doubleQuoteWarning } from './double-quote-warning.js';
import { tokenizeCondition, type Punctuator, type Token } from './tokenize-condition.js';

export interface ParseConditionOptions {
  /** Allow `$.name` / `$[0]` paths into a context value (seed-style JSONPath comparisons). */
  contextPaths?: boolean;
}

export type ParseConditionResult =
  | { ok: true; ast: ConditionNode; warnings: Problem[] }
  | { ok: false; problem: Problem };

/** Deep nesting is legal but pointless; the cap keeps hostile input off the call stack. */
const MAX_DEPTH = 100;

class ParseError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

interface Cursor {
  readonly tokens: readonly Token[];
  index: number;
  depth: number;
}

export function parseCondition(text: string, options: ParseConditionOptions = {}): ParseConditionResult {
  const lexed = tokenizeCondition(text, options.contextPaths === true);
  if (!lexed.ok) return lexed;
  const cursor: Cursor = { tokens: lexed.tokens, index: 0, depth: 0 };
  try {
    const ast = parseOr(cursor);
    const next = peek(cursor);
    if (next.kind !== 'end') throw unexpected(next);
    const warnings = [...lexed.warnings];
    const quoted = doubleQuoteWarning(text, lexed.tokens);
    if (quoted !== undefined) warnings.push(quoted);
    return { ok: true, ast, warnings };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, problem: error.problem };
    throw error;
  }
}

function peek(cursor: Cursor): Token {
  // The token list always ends with an 'end' token, and the parser never moves past it.
  return cursor.tokens[cursor.index] ?? (cursor.tokens[cursor.tokens.length - 1] as Token);
}

function take(cursor: Cursor): Token {
  const token = peek(cursor);
  if (token.kind !== 'end') cursor.index++;
  return token;
}

function isPunctuator(token: Token, value: Punctuator): boolean {
  return token.kind === 'punctuator' && token.value === value;
}

function unexpected(token: Token): ParseError {
  if (token.kind === 'end') return new ParseError(conditionError('unexpected end of condition', token.start));
  return new ParseError(conditionError('unexpected token', token.start));
}

// A chain `a && b && c` builds a left-deep tree, so each operator counts as one level of
// nesting: every walk over the tree (evaluate, format, lint) then stays within MAX_DEPTH.
function parseOr(cursor: Cursor): ConditionNode {
  const depth = cursor.depth;
  let left = parseAnd(cursor);
  while (isPunctuator(peek(cursor), '||')) {
    enter(cursor, take(cursor));
    left = { type: 'or', left, right: parseAnd(cursor), offset: left.offset };
  }
  cursor.depth = depth;
  return left;
}

function parseAnd(cursor: Cursor): ConditionNode {
  const depth = cursor.depth;
  let left = parseCompare(cursor);
  while (isPunctuator(peek(cursor), '&&')) {
    enter(cursor, take(cursor));
    left = { type: 'and', left, right: parseCompare(cursor), offset: left.offset };
  }
  cursor.depth = depth;
  return left;
}

function comparisonOperator(token: Token): ComparisonOperator | undefined {
  if (token.kind !== 'punctuator') return undefined;
  return COMPARISON_OPERATORS.find((op) => op === token.value);
}

function parseCompare(cursor: Cursor): ConditionNode {
  const left = parseUnary(cursor);
  const operator = comparisonOperator(peek(cursor));
  if (operator === undefined) return left;
  take(cursor);
  const right = parseUnary(cursor);
  const extra = peek(cursor);
  if (comparisonOperator(extra) !== undefined) {
    const hint = 'comparisons do not chain; combine them with && or group one in ( )';
    throw new ParseError(conditionError('chained comparison', extra.start, hint, 'condition-chained-comparison'));
  }
  return { type: 'compare', operator, left, right, offset: left.offset };
}

function enter(cursor: Cursor, token: Token): void {
  cursor.depth++;
  if (cursor.depth > MAX_DEPTH) throw new ParseError(conditionError('condition is nested too deeply', token.start));
}

function parseUnary(cursor: Cursor): ConditionNode {
  const token = peek(cursor);
  if (!isPunctuator(token, '!')) return parseOperand(cursor);
  take(cursor);
  enter(cursor, token);
  const operand = parseUnary(cursor);
  cursor.depth--;
  return { type: 'not', operand, offset: token.start };
}

function parseOperand(cursor: Cursor): ConditionNode {
  const token = take(cursor);
  switch (token.kind) {
    case 'number':
    case 'string':
    case 'keyword':
      return { type: 'literal', value: token.value, offset: token.start };
    case 'expression':
      return { type: 'expression', expression: token.expression, steps: parseSteps(cursor), offset: token.start };
    case 'contextRoot':
      return { type: 'contextPath', steps: parseSteps(cursor), offset: token.start };
    case 'punctuator':
      if (token.value === '(') return parseGroup(cursor, token);
      throw unexpected(token);
    default:
      throw unexpected(token);
  }
}

function parseGroup(cursor: Cursor, open: Token): ConditionNode {
  enter(cursor, open);
  const inner = parseOr(cursor);
  cursor.depth--;
  const close = take(cursor);
  if (!isPunctuator(close, ')')) {
    throw new ParseError(conditionError('expected ")"', close.start, `the "(" at offset ${open.start} is not closed`));
  }
  return inner;
}

function parseSteps(cursor: Cursor): NavigationStep[] {
  const steps: NavigationStep[] = [];
  for (;;) {
    const token = peek(cursor);
    if (token.kind === 'property') {
      take(cursor);
      steps.push({ kind: 'property', name: token.name, offset: token.start });
    } else if (isPunctuator(token, '[')) {
      take(cursor);
      steps.push(parseBracket(cursor, token.start));
    } else {
      return steps;
    }
  }
}

function parseBracket(cursor: Cursor, offset: number): NavigationStep {
  const inner = take(cursor);
  const close = take(cursor);
  if (!isPunctuator(close, ']')) throw new ParseError(conditionError('expected "]"', close.start));
  if (inner.kind === 'string') return { kind: 'property', name: inner.value, offset };
  if (inner.kind === 'number' && Number.isSafeInteger(inner.value) && inner.value >= 0) {
    return { kind: 'index', index: inner.value, offset };
  }
  const hint = "write [0] for an index or ['name'] for a property";
  throw new ParseError(conditionError('expected a non-negative integer index or a quoted name', inner.start, hint));
}
