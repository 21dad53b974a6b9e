/** Inputs schemas may `$ref` into components.inputs (a JSON Schema $ref, spec: Components Object). */
import { unescapePointerToken } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import type { CompileContext } from './compile-context.js';
import { setOwn } from '../document/set-own.js';

const PREFIX = '#/components/inputs/';

export function resolveInputRefs(ctx: CompileContext, components: JsonObject, schema: unknown, pointer: string): unknown {
  const inputs = ownField(components, 'inputs');
  const resolve = (node: unknown, seen: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => resolve(item, seen));
    if (!isObject(node)) return node;
    const ref = ownField(node, '$ref');
    if (typeof ref === 'string' && ref.startsWith(PREFIX)) {
      const name = unescapePointerToken(decodeURIComponent(ref.slice(PREFIX.length)));
      const target = isObject(inputs) ? ownField(inputs, name) : undefined;
      if (target === undefined) {
        ctx.report('inputs-ref-not-found', 'error', `${ref} does not exist in components.inputs`, pointer);
        return {};
      }
      if (seen.includes(name)) {
        ctx.report('inputs-ref-cycle', 'error', `${ref} refers to itself`, pointer);
        return {};
      }
      const { $ref: _ignored, ...siblings } = node;
      const resolved = resolve(target, [...seen, name]);
      return Object.keys(siblings).length > 0 && isObject(resolved) ? { ...resolved, ...resolve(siblings, seen) as JsonObject } : resolved;
    }
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      setOwn(copy, key, resolve(value, seen));
    }
    return copy;
  };
  return resolve(schema, []);
}
