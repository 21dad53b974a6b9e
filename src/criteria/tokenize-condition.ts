/**
 * Hand-written lexer for the Simple condition language. Runtime expressions are lexed by
 * the expressions room (parseExpressionAt in 'condition' mode); everything else here.
 * Unknown words (`function`, `eval`) are errors, so nothing executable can slip through.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression } from '../expressions/ast.js';
import { parseExpressionAt } from '../expressions/parse-expression.js';
import { conditionError, expressionEndLimit, isNameChar, isWordChar, scanNumber, scanString } from './scan-condition.js';

export type Punctuator = '(' | ')' | '[' | ']' | '!' | '&&' | '||' | '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Token =
  | { kind: 'expression'; start: number; end: number; expression: RuntimeExpression }
  | { kind: 'contextRoot'; start: number; end: number }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'string'; start: number; end: number; value: string; doubleQuoted: boolean }
  | { kind: 'keyword'; start: number; end: number; value: boolean | null }
  | { kind: 'property'; start: number; end: number; name: string }
  | { kind: 'punctuator'; start: number; end: number; value: Punctuator }
  | { kind: 'end'; start: number; end: number };

export type TokenizeResult = { ok: true; tokens: Token[]; warnings: Problem[] } | { ok: false; problem: Problem };

type Step = { ok: true; token: Token } | { ok: false; problem: Problem };

/** Longest first, so `<=` wins over `<`. */
const PUNCTUATORS: readonly Punctuator[] = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '[', ']'];

const KEYWORDS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };

export function tokenizeCondition(text: string, contextPaths: boolean): TokenizeResult {
  const tokens: Token[] = [];
  const warnings: Problem[] = [];
  let i = skipSpace(text, 0);
  while (i < text.length) {
    const step = readToken(text, i, contextPaths, warnings);
    if (!step.ok) return step;
    tokens.push(step.token);
    i = skipSpace(text, step.token.end);
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return { ok: true, tokens, warnings };
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

function readToken(text: string, start: number, contextPaths: boolean, warnings: Problem[]): Step {
  const c = text[start] ?? '';
  if (c === '$') return readDollar(text, start, contextPaths, warnings);
  if (c === "'" || c === '"') return readString(text, start);
  if (c === '-' || (c >= '0' && c <= '9')) return readNumber(text, start);
  if (c === '.') return readProperty(text, start);
  if (isWordChar(c)) return readKeyword(text, start);
  const punctuator = PUNCTUATORS.find((p) => text.startsWith(p, start));
  if (punctuator !== undefined) {
    return { ok: true, token: { kind: 'punctuator', start, end: start + punctuator.length, value: punctuator } };
  }
  return { ok: false, problem: unexpectedCharacter(text, start) };
}

function unexpectedCharacter(text: string, start: number): Problem {
  const c = text[start] ?? '';
  const hints: Record<string, string> = {
    '=': 'use == to compare',
    '&': 'use && for "and"',
    '|': 'use || for "or"',
    '{': 'a condition is not a template: write $statusCode == 200, without braces',
  };
  return conditionError(`unexpected character "${c}"`, start, hints[c]);
}

function readDollar(text: string, start: number, contextPaths: boolean, warnings: Problem[]): Step {
  const next = text[start + 1];
  if (contextPaths && (next === undefined || next === '.' || next === '[' || !isWordChar(next))) {
    return { ok: true, token: { kind: 'contextRoot', start, end: start + 1 } };
  }
  // The condition grammar, not the expression grammar, decides where an operand ends.
  const limit = expressionEndLimit(text, start);
  const parsed = parseExpressionAt(text.slice(0, limit), start, 'condition');
  if (!parsed.ok) return parsed;
  warnings.push(...parsed.warnings);
  return { ok: true, token: { kind: 'expression', start, end: parsed.end, expression: parsed.expression } };
}

function readString(text: string, start: number): Step {
  const scanned = scanString(text, start);
  if (!scanned.ok) return scanned;
  const doubleQuoted = text[start] === '"';
  return { ok: true, token: { kind: 'string', start, end: scanned.end, value: scanned.value, doubleQuoted } };
}

function readNumber(text: string, start: number): Step {
  const end = scanNumber(text, start);
  if (end === start || isWordChar(text[end])) {
    return { ok: false, problem: conditionError('invalid number', start, 'numbers use JSON syntax: 200, -1, 2.5, 1e3') };
  }
  return { ok: true, token: { kind: 'number', start, end, value: Number(text.slice(start, end)) } };
}

function readProperty(text: string, start: number): Step {
  let end = start + 1;
  while (end < text.length && isNameChar(text[end])) end++;
  if (end === start + 1) {
    return { ok: false, problem: conditionError('expected a property name after "."', start + 1) };
  }
  return { ok: true, token: { kind: 'property', start, end, name: text.slice(start + 1, end) } };
}

function readKeyword(text: string, start: number): Step {
  let end = start;
  while (end < text.length && isWordChar(text[end])) end++;
  const word = text.slice(start, end);
  if (!Object.hasOwn(KEYWORDS, word)) {
    const hint = 'strings need single quotes; runtime expressions start with $';
    return { ok: false, problem: conditionError(`unknown word "${word}"`, start, hint) };
  }
  return { ok: true, token: { kind: 'keyword', start, end, value: KEYWORDS[word] ?? null } };
}
