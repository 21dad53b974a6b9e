/** Reusable Objects (spec: Reusable Object): `{reference: $components.<section>.<name>, value?}`. */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import type { CompileContext } from './compile-context.js';
import { suggest } from './resolve-references.js';

export type ComponentSlot = 'parameters' | 'successActions' | 'failureActions';

export interface ResolvedEntry {
  /** The object to compile (the component for a reference). */
  object: JsonObject;
  /** Where that object lives in the document, for diagnostics. */
  pointer: string;
  /** A Reusable Object's `value` override (parameters only). */
  valueOverride?: { value: unknown; pointer: string };
}

const REFERENCE = /^\$components\.(parameters|successActions|failureActions|inputs)\.([A-Za-z0-9._-]+)$/;

export function resolveEntry(
  ctx: CompileContext,
  components: JsonObject,
  slot: ComponentSlot,
  raw: unknown,
  pointer: string,
): ResolvedEntry | undefined {
  if (!isObject(raw)) {
    ctx.report('document-structure', 'error', `Expected an object in ${slot}`, pointer);
    return undefined;
  }
  if (!Object.hasOwn(raw, 'reference')) return { object: raw, pointer };
  const reference = ownField(raw, 'reference');
  const match = typeof reference === 'string' ? REFERENCE.exec(reference) : null;
  const referencePointer = childPointer(pointer, 'reference');
  if (!match) {
    ctx.report('reusable-invalid', 'error', `Reusable reference ${JSON.stringify(reference)} is not $components.${slot}.<name>`, referencePointer);
    return undefined;
  }
  const [, section, name] = match as unknown as [string, string, string];
  if (section !== slot) {
    ctx.report('reusable-wrong-slot', 'error', `A reference to $components.${section} cannot be used in ${slot}`, referencePointer, {
      hint: `Reference $components.${slot}.<name> here.`,
    });
    return undefined;
  }
  const table = ownField(components, slot);
  const target = isObject(table) ? ownField(table, name) : undefined;
  if (!isObject(target)) {
    ctx.report('reusable-not-found', 'error', `components.${slot} has no entry "${name}"`, referencePointer, {
      hint: suggest(name, isObject(table) ? Object.keys(table) : []),
    });
    return undefined;
  }
  const entry: ResolvedEntry = { object: target, pointer: childPointer(childPointer('/components', slot), name) };
  if (Object.hasOwn(raw, 'value')) {
    if (slot !== 'parameters') {
      ctx.report('reusable-value-not-allowed', 'warning', 'A Reusable Object `value` only applies to parameters; it is ignored here', childPointer(pointer, 'value'));
    } else {
      entry.valueOverride = { value: raw.value, pointer: childPointer(pointer, 'value') };
    }
  }
  return entry;
}
