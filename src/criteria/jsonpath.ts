/**
 * The one door to the JSONPath libraries (spec: Criterion Object, `type: jsonpath`).
 *
 * - RFC 9535 (the Arazzo 1.0.1 default) is json-p3: it passes all 703 cases of the
 *   compliance suite and rejects every invalid selector, so lint can trust compile errors.
 * - The legacy Goessner dialect (`version: draft-goessner-dispatch-jsonpath-00`) is
 *   jsonpath-plus. We pin 10.4.0 because 11.x declares `engines: node >=22` and this project
 *   supports Node 20. 10.4.0 lacks the 11.0.x safe-eval hardening, hence the extra
 *   name screen in compileGoessner below.
 */
import { JSONPathEnvironment, JSONPathError, type JSONPathQuery, type JSONValue } from 'json-p3';
import { JSONPath } from 'jsonpath-plus';
import type { Code, Problem } from '../diagnostics/diagnostic.js';

/** A parsed RFC 9535 query; parse once at load time, query many times. */
export interface CompiledJsonPath {
  readonly source: string;
  readonly query: JSONPathQuery;
}

export type CompileJsonPathResult =
  | { ok: true; query: CompiledJsonPath }
  | { ok: false; problem: Problem };

/** Strict RFC 9535: json-p3's non-standard selectors (keys `~`, etc.) stay off. */
const environment = new JSONPathEnvironment({ strict: true });

export function compileJsonPath(query: string): CompileJsonPathResult {
  try {
    return { ok: true, query: { source: query, query: environment.compile(query) } };
  } catch (error) {
    return { ok: false, problem: jsonPathProblem(query, error) };
  }
}

function jsonPathProblem(query: string, error: unknown): Problem {
  if (error instanceof JSONPathError) {
    // json-p3 messages end with "('<query>':<index>)"; the index is the useful part.
    const message = error.message.replace(/\s*\('.*':\d+\)$/s, '');
    return {
      code: 'criterion-invalid-jsonpath',
      message: `Invalid RFC 9535 JSONPath: ${message}`,
      offset: Math.min(Math.max(error.token.index, 0), query.length),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'criterion-invalid-jsonpath', message: `Invalid RFC 9535 JSONPath: ${message}` };
}

/** Node values selected by `compiled` on `value` (the query root), in nodelist order. */
export function queryJsonPath(compiled: CompiledJsonPath, value: unknown): unknown[] {
  // JSON.parse output is JSONValue; the cast only bridges `unknown`.
  return compiled.query.query(value as JSONValue).values();
}

/** Where each node the query selects is: its path of member names and array indices (RFC 9535 §2.7 normalized path). */
export function locateJsonPath(compiled: CompiledJsonPath, value: unknown): Array<Array<string | number>> {
  return compiled.query.query(value as JSONValue).nodes.map((node) => [...node.location]);
}

export type CompileGoessnerResult = { ok: true; path: string } | { ok: false; problem: Problem };

/**
 * Goessner paths have no formal grammar and jsonpath-plus parses leniently, so this
 * check is shallow: a `$` root, a path jsonpath-plus can split, and no names that the
 * filter-script sandbox escapes fixed after 10.4.0 relied on (CVE-2024-21534 family).
 */
const UNSAFE_GOESSNER = ['constructor', '__proto__', 'prototype', '__lookup', '__define'];

export function compileGoessner(path: string): CompileGoessnerResult {
  if (!path.startsWith('$')) {
    return { ok: false, problem: goessnerProblem('criterion-invalid-jsonpath', 'A Goessner JSONPath must start with `$`', 0) };
  }
  const unsafe = UNSAFE_GOESSNER.find((name) => path.includes(name));
  if (unsafe !== undefined) {
    const message = `Goessner JSONPath uses \`${unsafe}\`, which is refused for safety`;
    return { ok: false, problem: goessnerProblem('criterion-goessner-unsafe', message, path.indexOf(unsafe)) };
  }
  try {
    JSONPath.toPathArray(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: goessnerProblem('criterion-invalid-jsonpath', message, 0) };
  }
  return { ok: true, path };
}

function goessnerProblem(code: Code, message: string, offset: number): Problem {
  return { code, message, offset };
}

/**
 * Values selected by a Goessner path. Filter scripts run in jsonpath-plus's "safe"
 * interpreter, never "native" (Node vm, where globals are reachable). May throw on a
 * bad script; evaluate-criterion turns that into a failed criterion.
 */
export function queryGoessner(path: string, value: unknown): unknown[] {
  const json = value as null | boolean | number | string | object;
  const result: unknown = JSONPath({ path, json, wrap: true, eval: 'safe' });
  return Array.isArray(result) ? result : [];
}
