/**
 * Character classes and "where does this part end" rules for each scan mode. The ABNF's
 * `name = *CHAR` is unbounded, so each embedding context decides where a name stops.
 */

/**
 * whole: the entire string is one expression. condition: inside a simple condition.
 * template: inside `{…}`. bare: a `$…` token inside longer text.
 */
export type ScanMode = 'whole' | 'condition' | 'template' | 'bare';

const ALNUM = /^[A-Za-z0-9]$/;
const WHITESPACE = /^\s$/;
const TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

export const isAlnum = (c: string | undefined): boolean => c !== undefined && ALNUM.test(c);
export const isAlpha = (c: string | undefined): boolean => isAlnum(c) && !isDigit(c);
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
/** Source words after `$`: letters, digits, `_` (so `$statusCode2` is one unknown word). */
export const isWordChar = (c: string | undefined): boolean => isAlnum(c) || c === '_';
/** stepId, workflowId, source description name. */
export const isIdentChar = (c: string | undefined): boolean => isWordChar(c) || c === '-';
/** Input/output/parameter/member/component names; dots allowed (evaluator disambiguates). */
export const isNameChar = (c: string | undefined): boolean => isIdentChar(c) || c === '.';
export const isWhitespace = (c: string | undefined): boolean => c !== undefined && WHITESPACE.test(c);
/** RFC 9110 tchar. */
export const isTchar = (c: string | undefined): boolean =>
  isAlnum(c) || (c !== undefined && c.length === 1 && TCHAR_SYMBOLS.includes(c));

export function readWhile(text: string, from: number, accept: (c: string | undefined) => boolean): number {
  let i = from;
  while (i < text.length && accept(text[i])) i++;
  return i;
}

/** Moves `end` back over trailing characters from `chars` (never before `from`). */
function trimTrailing(text: string, from: number, end: number, chars: string): number {
  let i = end;
  while (i > from && chars.includes(text[i - 1] ?? '')) i--;
  return i;
}

/** Bare tokens end like words in prose: "token $inputs.x." stops before the dot. */
export function nameEnd(text: string, from: number, mode: ScanMode): number {
  const end = readWhile(text, from, isNameChar);
  return mode === 'bare' ? trimTrailing(text, from, end, '.') : end;
}

const CONDITION_OPERATORS = ['&&', '||', '!='];

/** Header token (tchar), but a condition's `&&`, `||`, `!=` are never part of it. */
export function headerEnd(text: string, from: number, mode: ScanMode): number {
  if (mode === 'bare') return nameEnd(text, from, mode);
  let i = from;
  while (i < text.length && isTchar(text[i])) {
    if (mode === 'condition' && CONDITION_OPERATORS.includes(text.slice(i, i + 2))) break;
    i++;
  }
  return i;
}

/** End of the JSON pointer text that starts at `from` (just after `#`). */
export function pointerEnd(text: string, from: number, mode: ScanMode): number {
  let i = from;
  while (i < text.length && !stopsPointer(text[i], mode)) i++;
  return mode === 'bare' ? trimTrailing(text, from, i, '.,;:') : i;
}

function stopsPointer(c: string | undefined, mode: ScanMode): boolean {
  switch (mode) {
    case 'whole':
      return false;
    case 'template':
      return c === '}';
    case 'condition':
      return isWhitespace(c) || c === ')';
    case 'bare':
      return isWhitespace(c) || c === '"' || c === "'";
  }
}
