/**
 * ajv reports every failing branch of a oneOf/anyOf. A person wants the branch they meant:
 * the Reusable Object branch when the object has `reference`, the other one when it has not;
 * the object branch for an object value, the enum branch for a string. This keeps those errors
 * and drops the rest, innermost alternatives first (ajv lists branch errors right before the
 * oneOf/anyOf error itself).
 */
import type { SchemaError } from './generated/validate-arazzo-schema.js';
import { valueAtPointer } from './value-at-pointer.js';

export type Pruned = SchemaError & { collapsed?: string[] };

const isAlternatives = (error: SchemaError): boolean => error.keyword === 'oneOf' || error.keyword === 'anyOf';
const atOrBelow = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);
const isObjectLike = (value: unknown): boolean => typeof value === 'object' && value !== null;

export function pruneSchemaErrors(errors: readonly SchemaError[], document: unknown): Pruned[] {
  const kept: Pruned[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue; // its `then` errors say what is wrong
    if (!isAlternatives(error)) {
      kept.push(error);
      continue;
    }
    const start = runStart(kept, error.instancePath);
    // Several branches matched (a step with two targets): the failing branches are beside the point.
    const branch = Array.isArray(error.params.passingSchemas) ? [] : chooseBranch(kept.slice(start), error, valueAtPointer(document, error.instancePath));
    kept.splice(start, kept.length - start, ...(branch.length > 0 ? branch : [error]));
  }
  return kept;
}

/** Index of the first error of the contiguous run at or below `path` that ends the list. */
function runStart(kept: readonly Pruned[], path: string): number {
  let start = kept.length;
  while (start > 0 && atOrBelow(kept[start - 1]!.instancePath, path)) start--;
  return start;
}

function chooseBranch(run: readonly Pruned[], alternatives: SchemaError, value: unknown): Pruned[] {
  const at = alternatives.instancePath;
  const isReusable = isObjectLike(value) && !Array.isArray(value) && Object.hasOwn(value as object, 'reference');
  const hasReusableBranch = run.some((e) => e.schemaPath.includes('reusable-object'));
  let chosen = run.filter((e) => {
    if (hasReusableBranch && e.schemaPath.includes('reusable-object') !== isReusable) return false;
    if (e.instancePath !== at) return true;
    if (isObjectLike(value)) return e.keyword !== 'enum' && e.keyword !== 'const';
    return !(e.keyword === 'type' && ['object', 'array'].includes(String(e.params.type)));
  });
  const required = chosen.filter((e) => e.instancePath === at && e.keyword === 'required');
  if (required.length > 1 && required.length === chosen.filter((e) => e.instancePath === at).length) {
    // oneOf [required a, required b, …]: one problem, "needs one of a, b".
    const collapsed = required.map((e) => String(e.params.missingProperty));
    chosen = [...chosen.filter((e) => !required.includes(e)), { ...required[0]!, collapsed }];
  }
  return chosen;
}
