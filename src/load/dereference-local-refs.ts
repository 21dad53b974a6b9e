/**
 * The fast path of OpenAPI loading: when every `$ref` in a local document is a JSON pointer into
 * the same document (`#/...`), resolve them here instead of importing swagger-parser, whose load
 * alone costs more than the rest of `arazzo lint` (bench/, figure 2). The result is the document
 * swagger-parser's `dereference()` would return (a differential test checks it).
 *
 * Anything unusual answers `undefined`, and the caller falls back to swagger-parser, which also
 * words the errors: an external or anchor ref, a pointer that misses or walks through a `$ref`,
 * a circular ref, a version or shape swagger-parser would refuse.
 */
import { unescapePointerToken } from '../diagnostics/diagnostic.js';
import { isObject, type JsonObject } from '../document/model.js';
import { setOwn } from '../document/set-own.js';

/** The versions the installed swagger-parser accepts (its own list); others go to it to be refused. */
const SUPPORTED_VERSIONS = new Set(['3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4', '3.1.0', '3.1.1', '3.1.2']);

class Decline extends Error {}

export function dereferenceLocalRefs(document: unknown): JsonObject | undefined {
  if (!isAcceptedShape(document)) return undefined;
  try {
    return new LocalDereferencer(document).node(document) as JsonObject;
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

/** What swagger-parser's parse() checks before dereferencing (OpenAPI 3 only; 2.0 goes to it). */
function isAcceptedShape(document: unknown): document is JsonObject {
  if (!isObject(document) || typeof document.openapi !== 'string' || !SUPPORTED_VERSIONS.has(document.openapi)) return false;
  if (!isObject(document.paths) || refOf(document) !== undefined) return false;
  return !(isObject(document.info) && typeof document.info.version === 'number');
}

/** swagger-parser's test for a reference: an object whose `$ref` is a non-empty string. */
const refOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value.$ref === 'string' && value.$ref.length > 0 ? value.$ref : undefined;

class LocalDereferencer {
  /** Plain (single-key) refs resolve to one shared value, as swagger-parser's cache does. */
  private readonly resolved = new Map<string, unknown>();
  private readonly inProgress = new Set<string>();
  /** Containers on the current path: a YAML alias can make a document contain itself. */
  private readonly ancestors = new Set<object>();

  constructor(private readonly root: JsonObject) {}

  node(value: unknown): unknown {
    const ref = refOf(value);
    if (ref !== undefined) return this.reference(value as JsonObject, ref);
    if (typeof value !== 'object' || value === null) return value;
    if (this.ancestors.has(value)) throw new Decline();
    this.ancestors.add(value);
    let out: unknown;
    if (Array.isArray(value)) {
      out = value.map((item) => this.node(item));
    } else {
      const copy: JsonObject = {};
      for (const key of Object.keys(value)) setOwn(copy, key, this.node((value as JsonObject)[key]));
      out = copy;
    }
    this.ancestors.delete(value);
    return out;
  }

  private reference(object: JsonObject, ref: string): unknown {
    if (ref !== '#' && !ref.startsWith('#/')) throw new Decline();
    const target = this.target(ref);
    const siblings = Object.keys(object).filter((key) => key !== '$ref');
    if (siblings.length === 0 || !isObject(target)) return target;
    // An extended ref. swagger-parser merges it two ways depending on its cache (siblings win, or
    // the target wins and siblings stay unresolved); both agree only when the keys are disjoint
    // and the siblings hold no ref.
    const merged: JsonObject = {};
    for (const key of siblings) {
      if (key in target || containsRef(object[key])) throw new Decline();
      setOwn(merged, key, this.node(object[key]));
    }
    for (const key of Object.keys(target)) setOwn(merged, key, target[key]);
    return merged;
  }

  private target(ref: string): unknown {
    if (this.resolved.has(ref)) return this.resolved.get(ref);
    if (this.inProgress.has(ref)) throw new Decline();
    this.inProgress.add(ref);
    const value = this.node(this.walk(ref));
    this.inProgress.delete(ref);
    this.resolved.set(ref, value);
    return value;
  }

  private walk(ref: string): unknown {
    let value: unknown = this.root;
    for (const token of decodeFragment(ref)) {
      // A pointer through a $ref, or to null, takes swagger-parser paths with quirks of their own.
      if (refOf(value) !== undefined) throw new Decline();
      const next = Array.isArray(value) || isObject(value) ? (Object.hasOwn(value, token) ? (value as JsonObject)[token] : undefined) : undefined;
      if (next === undefined || next === null) throw new Decline();
      value = next;
    }
    return value;
  }
}

function containsRef(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  if (refOf(value) !== undefined) return true;
  seen.add(value);
  return Object.values(value).some((item) => containsRef(item, seen));
}

/** "#/a~1b/c%20d" → ["a/b", "c d"] (RFC 6901 escapes, then URI fragment decoding). */
function decodeFragment(ref: string): string[] {
  if (ref === '#') return [];
  return ref.slice(2).split('/').map((token) => {
    const unescaped = unescapePointerToken(token);
    try {
      return decodeURIComponent(unescaped);
    } catch {
      throw new Decline();
    }
  });
}
