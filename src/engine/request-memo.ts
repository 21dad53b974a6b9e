/**
 * The last request built for each step, reused while the values that went into it stay the same.
 * A poll sends the same request hundreds of times; building it (parameter matching, styles, path,
 * headers, the `$request` view) cost more than anything else the interpreter does per iteration.
 * buildRequest is pure, so equal inputs give an equal request. Values are compared with
 * Object.is: a freshly rendered object never matches, so only primitives and the very same
 * values are reused. Neither the request nor its view is mutated after it is built.
 */
import type { ExpressionScope } from '../expressions/scope.js';
import type { HttpRequest } from './ports.js';

export interface BuiltRequest {
  request: HttpRequest;
  view: NonNullable<ExpressionScope['request']>;
}

export interface RequestMemo {
  baseUrl: string;
  values: readonly unknown[];
  built: BuiltRequest;
}

export function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
