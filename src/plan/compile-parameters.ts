/** Parameter Objects (spec: Parameter Object), with workflow-level parameters merged in. */
import { childPointer } from '../diagnostics/diagnostic.js';
import { ownField, type JsonObject } from '../document/model.js';
import type { CompileContext } from './compile-context.js';
import type { ParameterLocation } from './operation.js';
import type { ParameterPlan } from './plan.js';
import { resolveEntry } from './resolve-reusable.js';

const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'];
/** Arazzo 1.1.0 §Parameter Object adds querystring (OpenAPI 3.2) and channel (AsyncAPI). */
const LOCATIONS_1_1: readonly string[] = [...LOCATIONS, 'querystring', 'channel'];

/**
 * `bodies` collects Arazzo 1.0.0 `in: body` parameters (removed in 1.0.1) for the step to turn into
 * its requestBody; without it (workflow level) they are reported and dropped.
 */
export function compileParameters(ctx: CompileContext, components: JsonObject, raw: unknown, pointer: string, bodies?: ParameterPlan[]): ParameterPlan[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.report('document-structure', 'error', 'parameters must be a list', pointer);
    return [];
  }
  const plans: ParameterPlan[] = [];
  raw.forEach((item, index) => {
    const entry = resolveEntry(ctx, components, 'parameters', item, childPointer(pointer, index));
    if (!entry) return;
    const name = ownField(entry.object, 'name');
    const location = ownField(entry.object, 'in');
    if (typeof name !== 'string' || name === '') {
      ctx.report('parameter-name-missing', 'error', 'A parameter needs a name', entry.pointer);
      return;
    }
    let where: ParameterLocation | 'channel' | undefined;
    if (location === 'body') {
      reportBodyParameter(ctx, name, childPointer(entry.pointer, 'in'), bodies !== undefined);
      if (bodies === undefined || !ctx.arazzoVersion.startsWith('1.0.0')) return;
    } else if (location !== undefined) {
      const allowed = ctx.arazzoVersion.startsWith('1.1.') ? LOCATIONS_1_1 : LOCATIONS;
      if (typeof location !== 'string' || !allowed.includes(location)) {
        ctx.report('parameter-in-invalid', 'error', `Parameter "${name}" has in: ${JSON.stringify(location)}; use ${allowed.join(', ')}`, childPointer(entry.pointer, 'in'));
        return;
      }
      where = location as ParameterLocation | 'channel';
    }
    const source = entry.valueOverride ?? { value: ownField(entry.object, 'value'), pointer: childPointer(entry.pointer, 'value') };
    if (!entry.valueOverride && !Object.hasOwn(entry.object, 'value')) {
      ctx.report('parameter-value-missing', 'error', `Parameter "${name}" has no value`, entry.pointer);
      return;
    }
    const value = ctx.value(source.value, source.pointer);
    const duplicate = plans.find((p) => sameParameter(p, name, where));
    if (duplicate) {
      ctx.report('parameter-duplicate', 'error', `Parameter "${name}"${where ? ` in ${where}` : ''} is listed twice`, entry.pointer);
      return;
    }
    if (location === 'body') bodies?.push({ pointer: entry.pointer, name, value });
    else plans.push({ pointer: entry.pointer, name, ...(where ? { in: where } : {}), value });
  });
  return plans;
}

/** 1.0.0 listed `in: body`; 1.0.1 removed it. A 1.0.0 step still runs it, as its requestBody. */
function reportBodyParameter(ctx: CompileContext, name: string, pointer: string, onStep: boolean): void {
  const legacy = ctx.arazzoVersion.startsWith('1.0.0');
  const message = !legacy
    ? `Parameter "${name}" uses in: body, which Arazzo ${ctx.arazzoVersion || '1.0.1'} does not have`
    : onStep
      ? `Parameter "${name}" uses in: body, deprecated since Arazzo 1.0.1; it is sent as the step's request body`
      : `Parameter "${name}" uses in: body at workflow level, which has no request body; it is ignored`;
  ctx.report('parameter-in-body', legacy ? 'warning' : 'error', message, pointer, { hint: 'Use the step requestBody (payload) instead.' });
}

/** Identity of a parameter is (name, in); header names are case-insensitive (RFC 9110). */
function sameParameter(plan: ParameterPlan, name: string, location: ParameterPlan['in']): boolean {
  if (plan.in !== location) return false;
  return location === 'header' ? plan.name.toLowerCase() === name.toLowerCase() : plan.name === name;
}

/** Step parameters override workflow parameters with the same identity; the rest are kept. */
export function mergeParameters(workflow: readonly ParameterPlan[], step: readonly ParameterPlan[]): ParameterPlan[] {
  const inherited = workflow.filter((w) => !step.some((s) => sameParameter(s, w.name, w.in)));
  return [...inherited, ...step];
}
