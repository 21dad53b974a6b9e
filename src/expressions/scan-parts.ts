/** Small scanners shared by every expression source: names, identifiers, `#` pointers. */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { PointerTokens, RuntimeExpression, RuntimeExpressionNode } from './ast.js';
import { expressionError } from './expression-problems.js';
import { parsePointer } from './json-pointer.js';
import { isIdentChar, nameEnd, pointerEnd, readWhile, type ScanMode } from './scan-chars.js';

export type ScanSuccess = { ok: true; expression: RuntimeExpression; end: number; warnings: Problem[] };
/** `end`, when present, is where the malformed expression would end (used to place fixes). */
export type ScanFailure = { ok: false; problem: Problem; end?: number };
export type ScanResult = ScanSuccess | ScanFailure;

export interface ScanContext {
  readonly text: string;
  /** Offset of the `$`. */
  readonly start: number;
  readonly mode: ScanMode;
  readonly warnings: Problem[];
}

export type PartScan<T> = { ok: true; value: T; end: number } | ScanFailure;
export type NodeScan = PartScan<RuntimeExpressionNode>;

export const fail = (problem: Problem, end?: number): ScanFailure =>
  end === undefined ? { ok: false, problem } : { ok: false, problem, end };

export const ok = <T>(value: T, end: number): { ok: true; value: T; end: number } => ({ ok: true, value, end });

/** Checks for `.` at `pos`; returns the failure to propagate, or undefined when present. */
export function missingDot(ctx: ScanContext, pos: number, after: string): ScanFailure | undefined {
  if (ctx.text[pos] === '.') return undefined;
  return fail(expressionError('expression-syntax', `expected "." after ${after}`, pos));
}

export function scanName(
  ctx: ScanContext,
  pos: number,
  what: string,
  findEnd: (text: string, from: number, mode: ScanMode) => number = nameEnd,
): PartScan<string> {
  const end = findEnd(ctx.text, pos, ctx.mode);
  if (end === pos) {
    return fail(expressionError('expression-empty-name', `expected ${what}`, pos, { hint: 'names use letters, digits, "_", "-" and "."' }));
  }
  return ok(ctx.text.slice(pos, end), end);
}

export function scanIdent(ctx: ScanContext, pos: number, what: string): PartScan<string> {
  const end = readWhile(ctx.text, pos, isIdentChar);
  if (end === pos) {
    return fail(expressionError('expression-empty-name', `expected ${what}`, pos, { hint: 'identifiers use letters, digits, "_" and "-"' }));
  }
  return ok(ctx.text.slice(pos, end), end);
}

/** An optional `#/json/pointer` at `pos`. */
export function scanPointer(ctx: ScanContext, pos: number): PartScan<PointerTokens | undefined> {
  if (ctx.text[pos] !== '#') return ok(undefined, pos);
  const from = pos + 1;
  const end = pointerEnd(ctx.text, from, ctx.mode);
  const parsed = parsePointer(ctx.text.slice(from, end));
  if (!parsed.ok) return fail({ ...parsed.problem, offset: from + (parsed.problem.offset ?? 0) }, end);
  return ok(parsed.tokens, end);
}

export interface NamedValue {
  name: string;
  pointer?: PointerTokens;
}

/** `<name>[#pointer]`, the tail of $inputs, $outputs, $steps and $workflows. */
export function scanNamedValue(ctx: ScanContext, pos: number, what: string): PartScan<NamedValue> {
  const name = scanName(ctx, pos, what);
  if (!name.ok) return name;
  const pointer = scanPointer(ctx, name.end);
  if (!pointer.ok) return pointer;
  return ok(withPointer({ name: name.value }, pointer.value), pointer.end);
}

export const withPointer = <T extends object>(node: T, pointer: PointerTokens | undefined): T & { pointer?: PointerTokens } =>
  pointer === undefined ? node : { ...node, pointer };
