/** Character-level scanners for the Simple condition lexer: numbers, strings, boundaries. */
import type { Problem } from '../diagnostics/diagnostic.js';

export type ConditionCode = 'condition-syntax' | 'condition-chained-comparison' | 'condition-double-quoted-string';

export function conditionError(message: string, offset: number, hint?: string, code: ConditionCode = 'condition-syntax'): Problem {
  return { code, message, offset, severity: 'error', ...(hint === undefined ? {} : { hint }) };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

/** Keyword characters (true, false, null, and the unknown words we reject). */
export const isWordChar = (c: string | undefined): boolean => isLetter(c) || isDigit(c) || c === '_';

/** `.name` navigation: identifier characters plus `-` (no arithmetic, so no ambiguity). */
export const isNameChar = (c: string | undefined): boolean => isWordChar(c) || c === '-';

function digitsEnd(text: string, from: number): number {
  let i = from;
  while (isDigit(text[i])) i++;
  return i;
}

/** End of the JSON number at `start` (RFC 8259 grammar), or `start` when there is none. */
export function scanNumber(text: string, start: number): number {
  let i = text[start] === '-' ? start + 1 : start;
  if (text[i] === '0') i++;
  else if (isDigit(text[i])) i = digitsEnd(text, i);
  else return start;
  if (text[i] === '.' && isDigit(text[i + 1])) i = digitsEnd(text, i + 1);
  if (text[i] === 'e' || text[i] === 'E') {
    const exponent = text[i + 1] === '+' || text[i + 1] === '-' ? i + 2 : i + 1;
    if (isDigit(text[exponent])) i = digitsEnd(text, exponent);
  }
  return i;
}

export type ScannedString = { ok: true; value: string; end: number } | { ok: false; problem: Problem };

/** `'it''s'` (the spec's literal form) or `"it's"` (JSON escapes; accepted with a warning). */
export function scanString(text: string, start: number): ScannedString {
  return text[start] === '"' ? scanDoubleQuoted(text, start) : scanSingleQuoted(text, start);
}

function scanSingleQuoted(text: string, start: number): ScannedString {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const quote = text.indexOf("'", i);
    if (quote < 0) break;
    value += text.slice(i, quote);
    if (text[quote + 1] !== "'") return { ok: true, value, end: quote + 1 };
    value += "'";
    i = quote + 2;
  }
  return { ok: false, problem: conditionError('unterminated string', start, "close it with '; write '' for a quote inside") };
}

function scanDoubleQuoted(text: string, start: number): ScannedString {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length) return { ok: false, problem: conditionError('unterminated string', start) };
  try {
    // JSON.parse only decodes a string literal here; it never executes anything.
    return { ok: true, value: JSON.parse(text.slice(start, i + 1)) as string, end: i + 1 };
  } catch {
    return { ok: false, problem: conditionError('invalid escape in double-quoted string', start) };
  }
}

const OPERATOR_STARTS = ['==', '!=', '<', '>', '&&', '||'];

/**
 * Where a runtime expression operand must end at the latest: whitespace, grouping,
 * navigation brackets and operators belong to the condition, not to the expression
 * (so `$response.body#/items[0]` is the pointer `/items` followed by the index step `[0]`).
 */
export function expressionEndLimit(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c) || '()[]'.includes(c)) break;
    if (OPERATOR_STARTS.some((op) => text.startsWith(op, i))) break;
    i++;
  }
  return i;
}
