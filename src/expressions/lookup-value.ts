/** Own-property lookups for evaluation: nothing here can reach a prototype or throw. */
import type { PointerTokens } from './ast.js';
import { formatPointer, resolvePointer } from './json-pointer.js';
import type { Evaluation } from './scope.js';

export const found = (value: unknown): Evaluation => ({ found: true, value });
export const missing = (reason: string): Evaluation => ({ found: false, reason });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** An own property whose value is not undefined. */
export function ownValue(container: unknown, key: string, reason: string): Evaluation {
  if (!isObject(container) || !Object.hasOwn(container, key) || container[key] === undefined) return missing(reason);
  return found(container[key]);
}

/**
 * A name that may contain dots: the exact key wins; otherwise the longest dotted prefix that
 * exists, with the rest navigated as property names (`customer.name` when only `customer` exists).
 */
export function lookupName(map: unknown, name: string, reason: string): Evaluation {
  const exact = ownValue(map, name, reason);
  if (exact.found || !isObject(map)) return exact;
  const segments = name.split('.');
  for (let n = segments.length - 1; n >= 1; n--) {
    const prefix = segments.slice(0, n).join('.');
    if (!Object.hasOwn(map, prefix)) continue;
    const rest = segments.slice(n);
    const navigated = resolvePointer(map[prefix], rest);
    return navigated.found ? navigated : missing(`${prefix} has no ${rest.join('.')} (${navigated.reason})`);
  }
  return exact;
}

/** Applies an optional `#/pointer` to a value that was found. */
export function applyPointer(base: Evaluation, pointer: PointerTokens | undefined, label: string): Evaluation {
  if (!base.found || pointer === undefined) return base;
  const result = resolvePointer(base.value, pointer);
  return result.found ? result : missing(`${label} has nothing at #${formatPointer(pointer)} (${result.reason})`);
}

/** Header names are case-insensitive; scope headers are lower-cased, but tolerate mixed case. */
export function headerValue(headers: unknown, name: string, reason: string): Evaluation {
  const lower = name.toLowerCase();
  const direct = ownValue(headers, lower, reason);
  if (direct.found || !isObject(headers)) return direct;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === lower);
  return key === undefined ? direct : ownValue(headers, key, reason);
}
