/**
 * A scenario's expect.requests against what the scripted server received: each expected query
 * parameter and header has that value, and the body holds each expected member (objects compared
 * member by member, arrays and other values whole). One line per difference, as compare-result.ts.
 */
import { isDeepStrictEqual } from 'node:util';
import { isObject } from '../document/model.js';
import type { ReceivedRequest } from './check-request.js';
import { differenceLine as differ } from './compare-result.js';
import type { RequestExpectation, RequestExpectations } from './read-scenario.js';

export interface ExpectedRequests {
  /** The scenario's key (a stepId or operationId) and the route ("METHOD /path") it names. */
  key: string;
  route: string;
  expected: RequestExpectations;
}

const CREDENTIAL_HEADER = /authorization|cookie|token|secret|api-?key/i;

export function compareRequests(expectations: readonly ExpectedRequests[], received: ReadonlyMap<string, readonly ReceivedRequest[]>): string[] {
  const differences: string[] = [];
  for (const { key, route, expected } of expectations) {
    const got = received.get(route) ?? [];
    const list = 'every' in expected ? got.map(() => expected.every) : expected.inOrder;
    if (got.length === 0 || got.length < list.length) {
      differences.push(differ(`requests.${key}: how many requests (${route})`, 'every' in expected ? 'at least 1' : `at least ${list.length}`, got.length));
      continue;
    }
    list.forEach((item, index) => differences.push(...compareOne(`requests.${key}[${index + 1}]`, item, got[index]!)));
  }
  return differences;
}

function compareOne(label: string, expected: RequestExpectation, request: ReceivedRequest): string[] {
  const differences: string[] = [];
  for (const [name, value] of Object.entries(expected.query ?? {})) {
    const all = request.query.getAll(name);
    const actual = all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
    if (actual !== value) differences.push(differ(`${label}.query.${name}`, value, actual));
  }
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const header = request.headers[name.toLowerCase()];
    const actual = Array.isArray(header) ? header.join(', ') : header;
    // A credential header's value is not printed: the report may be read where the secret must not be.
    if (actual !== value) differences.push(differ(`${label}.headers.${name}`, value, actual !== undefined && CREDENTIAL_HEADER.test(name) ? '(another value, not shown)' : actual));
  }
  if (expected.body !== undefined) {
    const mismatch = firstMismatch(expected.body, bodyValue(request.body), `${label}.body`);
    if (mismatch) differences.push(differ(mismatch.at, mismatch.expected, mismatch.actual));
  }
  return differences;
}

function bodyValue(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function firstMismatch(expected: unknown, actual: unknown, at: string): { at: string; expected: unknown; actual: unknown } | undefined {
  if (isObject(expected) && isObject(actual)) {
    for (const [name, value] of Object.entries(expected)) {
      const found = firstMismatch(value, Object.hasOwn(actual, name) ? actual[name] : undefined, `${at}.${name}`);
      if (found) return found;
    }
    return undefined;
  }
  return isDeepStrictEqual(expected, actual) ? undefined : { at, expected, actual };
}
