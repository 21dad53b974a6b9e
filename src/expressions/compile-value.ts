/** Compiles a document value once into a ValueTemplate (spec §Runtime Expressions; checklist §16). */
import type { Problem } from '../diagnostics/diagnostic.js';
import { MAX_NESTING_DEPTH } from '../document/check-yaml-shape.js';
import type { ValueTemplate } from './ast.js';
import { compileString } from './compile-string.js';

export type ValuePath = (string | number)[];
export type ValueProblem = Problem & { path: ValuePath };

export interface CompileOptions {
  /** Substitute bare `$inputs.x` inside longer strings (default true; checklist §16.3). */
  bareExpressions?: boolean;
  /**
   * Arazzo 1.1 Selector Objects: given each object value, returns its compiled selector when it is
   * one (the plan supplies this, as it owns the JSONPath engines), else undefined.
   */
  selector?: (value: Record<string, unknown>) => { template: ValueTemplate } | { problem: Problem } | undefined;
}

export interface ValueCompilation {
  template: ValueTemplate;
  /** `path` is the key path to the offending string, for building a JSON pointer. */
  problems: ValueProblem[];
}

interface CompileContext {
  readonly bare: boolean;
  readonly problems: ValueProblem[];
  /** Containers on the current path, so a cyclic value (YAML aliases) cannot recurse forever. */
  readonly ancestors: Set<object>;
  readonly selector: CompileOptions['selector'];
}

export function compileValue(value: unknown, options: CompileOptions = {}): ValueCompilation {
  const ctx: CompileContext = { bare: options.bareExpressions ?? true, problems: [], ancestors: new Set(), selector: options.selector };
  return { template: compileNode(value, [], ctx), problems: ctx.problems };
}

function compileNode(value: unknown, path: ValuePath, ctx: CompileContext): ValueTemplate {
  if (typeof value === 'string') {
    const compiled = compileString(value, ctx.bare);
    for (const problem of compiled.problems) ctx.problems.push({ ...problem, path });
    return compiled.template;
  }
  const selected = ctx.selector && isPlainObject(value) ? ctx.selector(value) : undefined;
  if (selected && 'template' in selected) return selected.template;
  if (selected) {
    ctx.problems.push({ offset: 0, ...selected.problem, path });
    return { kind: 'literal', value: null };
  }
  const isContainer = Array.isArray(value) || isPlainObject(value);
  if (!isContainer || ctx.ancestors.has(value)) return { kind: 'literal', value };
  // YAML documents are already capped; a library caller's value is not, and every later walk recurses.
  if (path.length >= MAX_NESTING_DEPTH) {
    ctx.problems.push({ code: 'yaml-too-deep', message: `the value nests deeper than ${MAX_NESTING_DEPTH} levels`, severity: 'error', offset: 0, path });
    return { kind: 'literal', value: null };
  }
  ctx.ancestors.add(value);
  const template = Array.isArray(value) ? compileArray(value, path, ctx) : compileObject(value, path, ctx);
  ctx.ancestors.delete(value);
  return template;
}

function compileArray(value: readonly unknown[], path: ValuePath, ctx: CompileContext): ValueTemplate {
  // Array.from visits holes too, so a sparse array compiles to a dense one.
  return { kind: 'array', items: Array.from(value, (item, index) => compileNode(item, [...path, index], ctx)) };
}

/** Keys are never expressions; only values are compiled. */
function compileObject(value: Record<string, unknown>, path: ValuePath, ctx: CompileContext): ValueTemplate {
  const entries = Object.keys(value).map((key) => [key, compileNode(value[key], [...path, key], ctx)] as const);
  return { kind: 'object', entries };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
