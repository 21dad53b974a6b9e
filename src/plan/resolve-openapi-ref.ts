/**
 * The one `$ref` resolver for OpenAPI sources, and it is lazy: nothing is dereferenced up front.
 * The operation index asks for the parts a step needs (a path item, its parameters, a request
 * body), so a 13 MB description costs what its used operations cost, not the whole file.
 *
 * Documents are keyed by absolute URL (`file:///…` or `https://…`), and a `$ref` resolves against
 * the URL of the document it is written in (RFC 3986), as OpenAPI says. The loader (load/) reads
 * the external documents beforehand; here everything is values, so a missing one is a reason.
 * A circular schema is left as its `$ref` where it closes the loop (swagger-parser's "ignore").
 */
import { unescapePointerToken } from '../diagnostics/diagnostic.js';
import { isObject, type JsonObject } from '../document/model.js';
import { setOwn } from '../document/set-own.js';

export interface DocumentSet {
  /** URL of the source description itself. */
  root: string;
  /** Every document read, by URL without fragment. */
  documents: ReadonlyMap<string, unknown>;
  /** Documents that could not be read or parsed, by URL: why. */
  failures: ReadonlyMap<string, string>;
}

export type Followed = { ok: true; value: unknown; base: string } | { ok: false; ref: string; reason: string };

/** Further than any real schema nests through refs; beyond it a $ref is left as written. */
const MAX_DEREF_DEPTH = 500;

export const refOf = (value: unknown): string | undefined => (isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined);

export class RefResolver {
  private readonly deep = new Map<string, unknown>();
  private readonly open = new Set<string>();

  constructor(readonly set: DocumentSet) {}

  /** The value behind `value` if it is a `$ref` (chains followed), with the URL it lives in. */
  follow(value: unknown, base: string): Followed {
    const seen = new Set<string>();
    let current = { value, base };
    for (let ref = refOf(value); ref !== undefined; ref = refOf(current.value)) {
      const key = targetKey(ref, current.base);
      if (key === undefined) return { ok: false, ref, reason: 'it is not a valid URI reference' };
      if (seen.has(key)) return { ok: false, ref, reason: 'it refers to itself in a loop' };
      seen.add(key);
      const next = this.lookup(ref, key);
      if (!next.ok) return next;
      current = next;
    }
    return { ok: true, ...current };
  }

  /**
   * A copy of `value` with every `$ref` inside replaced by its target (shared between uses).
   * Refs that cannot be resolved stay as written, and `problems` gets one line each.
   */
  dereference(value: unknown, base: string, problems: string[], depth = 0): unknown {
    if (typeof value !== 'object' || value === null || depth > MAX_DEREF_DEPTH) return value;
    const ref = refOf(value);
    if (ref !== undefined) return this.dereferenceRef(value as JsonObject, ref, base, problems, depth);
    if (Array.isArray(value)) return value.map((item) => this.dereference(item, base, problems, depth + 1));
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(copy, key, this.dereference((value as JsonObject)[key], base, problems, depth + 1));
    return copy;
  }

  private dereferenceRef(object: JsonObject, ref: string, base: string, problems: string[], depth: number): unknown {
    const key = targetKey(ref, base);
    if (key !== undefined && this.open.has(key)) return object; // a circular schema: leave the loop closed by its $ref
    if (key !== undefined && this.deep.has(key)) return this.withSiblings(object, this.deep.get(key), base, problems, depth);
    const target = this.follow(object, base);
    if (!target.ok) {
      problems.push(`$ref "${target.ref}": ${target.reason}`);
      return object;
    }
    if (key !== undefined) this.open.add(key);
    const resolved = this.dereference(target.value, target.base, problems, depth + 1);
    if (key !== undefined) {
      this.open.delete(key);
      this.deep.set(key, resolved);
    }
    return this.withSiblings(object, resolved, base, problems, depth);
  }

  /** OpenAPI 3.1 lets `summary`/`description` (and schemas anything) sit beside `$ref`: they win. */
  private withSiblings(object: JsonObject, target: unknown, base: string, problems: string[], depth: number): unknown {
    const siblings = Object.keys(object).filter((key) => key !== '$ref');
    if (siblings.length === 0 || !isObject(target)) return target;
    const merged: JsonObject = { ...target };
    for (const key of siblings) setOwn(merged, key, this.dereference(object[key], base, problems, depth + 1));
    return merged;
  }

  private lookup(ref: string, key: string): Followed {
    const hash = key.indexOf('#');
    const url = key.slice(0, hash);
    const failure = this.set.failures.get(url);
    if (failure !== undefined) return { ok: false, ref, reason: failure };
    if (!this.set.documents.has(url)) return { ok: false, ref, reason: `${url} was not loaded` };
    let value = this.set.documents.get(url);
    let base = url;
    for (const token of decodeFragment(key.slice(hash + 1))) {
      if (token === undefined) return { ok: false, ref, reason: 'its fragment is not a JSON pointer' };
      // A pointer may walk through a $ref on its way (e.g. #/paths/~1a/get/parameters/0/schema).
      const through = this.follow(value, base);
      if (!through.ok) return { ok: false, ref, reason: through.reason };
      ({ value, base } = through);
      if (!(Array.isArray(value) || isObject(value)) || !Object.hasOwn(value, token)) {
        return { ok: false, ref, reason: `nothing at ${key.slice(hash)}${url === this.set.root ? '' : ` in ${url}`}` };
      }
      value = (value as JsonObject)[token];
    }
    return { ok: true, value, base };
  }
}

/** Absolute `url#fragment` of a reference written in the document at `base`. */
export function targetKey(ref: string, base: string): string | undefined {
  try {
    const url = new URL(ref, base);
    const fragment = url.hash;
    url.hash = '';
    return `${url.href}#${fragment.slice(1)}`;
  } catch {
    return undefined;
  }
}

/** "/a~1b/c%20d" → ["a/b", "c d"]; an undefined token marks a fragment that is not a pointer. */
function decodeFragment(fragment: string): Array<string | undefined> {
  if (fragment === '') return [];
  if (!fragment.startsWith('/')) return [undefined];
  return fragment.slice(1).split('/').map((token) => {
    try {
      return unescapePointerToken(decodeURIComponent(token));
    } catch {
      return undefined;
    }
  });
}
