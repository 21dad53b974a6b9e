/**
 * Redocly's `x-security` extension on a step or a workflow: a list of
 * `{ schemeName | scheme, values }` (https://redocly.com/docs/respect/extensions/x-security).
 * Values may hold runtime expressions (`token: $inputs.apiToken`); they are compiled once here.
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField } from '../document/model.js';
import type { CompileContext } from './compile-context.js';
import type { ResolvedOperation } from './operation.js';
import type { SecurityEntryPlan } from './plan.js';
import { readSecurityScheme } from './read-security.js';
import type { ValueTemplate } from '../expressions/ast.js';
import { setOwn } from '../document/set-own.js';

export function compileXSecurity(ctx: CompileContext, raw: unknown, pointer: string, operation?: ResolvedOperation): SecurityEntryPlan[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.report('x-security-invalid', 'warning', 'x-security must be a list of { schemeName | scheme, values } entries', pointer);
    return [];
  }
  return raw.flatMap((item, index): SecurityEntryPlan[] => {
    const itemPointer = childPointer(pointer, index);
    const schemeName = isObject(item) ? ownField(item, 'schemeName') : undefined;
    const scheme = isObject(item) ? readSecurityScheme(ownField(item, 'scheme')) : undefined;
    const values = isObject(item) ? ownField(item, 'values') : undefined;
    if (!isObject(values) || (typeof schemeName !== 'string' && scheme === undefined)) {
      ctx.report('x-security-invalid', 'warning', 'An x-security entry needs schemeName (or an inline scheme) and values', itemPointer);
      return [];
    }
    if (typeof schemeName === 'string' && scheme === undefined && operation?.security && !Object.hasOwn(operation.security.schemes, schemeName)) {
      const known = Object.keys(operation.security.schemes);
      ctx.report('x-security-scheme-unknown', 'warning', `x-security names scheme "${schemeName}", which source "${operation.sourceName}" does not declare${known.length > 0 ? ` (it declares ${known.join(', ')})` : ''}`, childPointer(itemPointer, 'schemeName'));
    }
    const compiled: Record<string, ValueTemplate> = {};
    for (const [name, value] of Object.entries(values)) {
      setOwn(compiled, name, ctx.value(value, childPointer(childPointer(itemPointer, 'values'), name)));
    }
    return [{
      pointer: itemPointer,
      ...(typeof schemeName === 'string' ? { schemeName } : {}),
      ...(scheme ? { scheme } : {}),
      values: compiled,
    }];
  });
}
