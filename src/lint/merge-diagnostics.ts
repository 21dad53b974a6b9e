/**
 * One problem, one diagnostic. The schema and the compiler often see the same mistake (a step
 * without a target, a parameter without `in`); the compiler's diagnostic is more precise, so a
 * schema error is dropped when a compiler or rule error sits at the same place, inside it, or on
 * the object whose field it is about (FIELD_CODES). Exact repeats (same code, file, pointer and
 * offset) go too.
 */
import { describeCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lastToken, parentPointer } from './value-at-pointer.js';

/** Compiler codes reported on an object (or a field) that cover the schema's findings on these fields of it. */
const FIELD_CODES: Readonly<Record<string, readonly string[]>> = {
  'arazzo-version-invalid': ['arazzo'],
  'workflow-id-missing': ['workflowId'],
  'workflow-steps-missing': ['steps'],
  'step-id-missing': ['stepId'],
  'step-target-missing': ['operationId', 'operationPath', 'workflowId'],
  'parameter-name-missing': ['name'],
  'parameter-value-missing': ['value'],
  'parameter-in-missing': ['in'],
  'action-name-missing': ['name'],
  'action-target-missing': ['stepId', 'workflowId'],
  'source-description-invalid': ['name', 'url'],
  'replacement-invalid': ['target', 'value'],
  'criterion-invalid': ['condition'],
  'criterion-invalid-type': ['type', 'version'],
  'criterion-invalid-version': ['version'],
};

/** Load warnings that already say what the schema would, with a fix (a url with a space, read encoded). */
const EXPLAINING_WARNINGS: ReadonlySet<string> = new Set(['source-url-unencoded']);

export function mergeDiagnostics(earlier: readonly Diagnostic[], schema: readonly Diagnostic[], rules: readonly Diagnostic[]): Diagnostic[] {
  const errors = earlier.filter((d) => d.severity === 'error' || EXPLAINING_WARNINGS.has(d.code));
  const keptSchema = schema.filter((d) => !errors.some((e) => covers(e, d)));
  const seen = new Set<string>();
  const result: Diagnostic[] = [];
  for (const diagnostic of [...earlier, ...keptSchema, ...rules]) {
    const key = `${diagnostic.code}\u0000${diagnostic.file ?? ''}\u0000${diagnostic.pointer ?? ''}\u0000${diagnostic.offset ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(diagnostic);
  }
  return result;
}

function covers(error: Diagnostic, schema: Diagnostic): boolean {
  // Only the compiler's and the rules' findings say the same thing; a load error (file not found)
  // does not explain a malformed url, so both stay.
  const stage = describeCode(error.code)?.stage;
  if (error.file !== schema.file || (stage !== 'compile' && stage !== 'lint' && !EXPLAINING_WARNINGS.has(error.code))) return false;
  const at = schema.pointer ?? '';
  const other = error.pointer ?? '';
  if (other === at || other.startsWith(`${at}/`)) return at !== '' || other === '';
  if (parentPointer(at) !== other) return false;
  return FIELD_CODES[error.code]?.includes(lastToken(at)) ?? false;
}
