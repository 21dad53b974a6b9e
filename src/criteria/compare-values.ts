/**
 * Loose comparison for Simple conditions (spec: "String comparisons MUST be case
 * insensitive"; loose comparisons, checklist §14.5-14.7). `undefined` stands for a value
 * that could not be resolved ("missing"); JSON itself never contains `undefined`.
 */
import { scanNumber } from './scan-condition.js';
import type { ComparisonOperator } from './simple-condition.js';

const isNil = (value: unknown): value is null | undefined => value === null || value === undefined;

/** Locale-independent case folding, so results never depend on the host's locale. */
const fold = (text: string): string => text.toLowerCase();

/** A string that is exactly one JSON number (surrounding whitespace allowed): header values. */
function numericString(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || scanNumber(trimmed, 0) !== trimmed.length) return undefined;
  return Number(trimmed);
}

/** Both sides as numbers when one is a number and the other a number or numeric string. */
function asNumbers(a: unknown, b: unknown): [number, number] | undefined {
  if (typeof a !== 'number' && typeof b !== 'number') return undefined;
  const x = typeof a === 'string' ? numericString(a) : a;
  const y = typeof b === 'string' ? numericString(b) : b;
  return typeof x === 'number' && typeof y === 'number' ? [x, y] : undefined;
}

function stringBoolean(value: string): boolean | undefined {
  const folded = fold(value.trim());
  return folded === 'true' ? true : folded === 'false' ? false : undefined;
}

/** `'true'`/`'false'` (any case) against a boolean: query and header values are strings. */
function asBooleans(a: unknown, b: unknown): [boolean, boolean] | undefined {
  const x = typeof a === 'string' && typeof b === 'boolean' ? stringBoolean(a) : a;
  const y = typeof b === 'string' && typeof a === 'boolean' ? stringBoolean(b) : b;
  return typeof x === 'boolean' && typeof y === 'boolean' ? [x, y] : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `==`: null equals only null/missing; containers compare deeply with these same rules. */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a === 'string' && typeof b === 'string') return fold(a) === fold(b);
  const numbers = asNumbers(a, b);
  if (numbers !== undefined) return numbers[0] === numbers[1];
  const booleans = asBooleans(a, b);
  if (booleans !== undefined) return booleans[0] === booleans[1];
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => looseEquals(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) return recordsEqual(a, b);
  return a === b;
}

function recordsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && looseEquals(a[key], b[key]));
}

/** Sign of a - b for comparable pairs (numbers, numeric strings vs numbers, strings); else undefined. */
function order(a: unknown, b: unknown): number | undefined {
  const numbers = asNumbers(a, b);
  if (numbers !== undefined) return Math.sign(numbers[0] - numbers[1]);
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [fold(a), fold(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return undefined;
}

/** Relational operators are false whenever either side is null, missing or not comparable. */
export function compareValues(operator: ComparisonOperator, a: unknown, b: unknown): boolean {
  if (operator === '==') return looseEquals(a, b);
  if (operator === '!=') return !looseEquals(a, b);
  const sign = order(a, b);
  if (sign === undefined) return false;
  switch (operator) {
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
  }
}

/** Truthiness of a bare operand: missing, null, false, 0 and '' are false. */
export const isTruthy = (value: unknown): boolean =>
  !(isNil(value) || value === false || value === 0 || value === '');
