/**
 * Criterion Object `type` (spec: Criterion Object, Criterion Expression Type Object;
 * checklist §12.2, §12.10): a string, or `{ type, version }` naming an older dialect.
 */
import type { Code, Problem } from '../diagnostics/diagnostic.js';

export type CriterionType = 'simple' | 'regex' | 'jsonpath' | 'xpath';

export type CriterionTypeProblem = Problem & { field: 'type' };

/** `dialect` is set only by a Criterion Expression Type Object. */
export type ReadType =
  | { ok: true; type: CriterionType; dialect?: string }
  | { ok: false; problem: CriterionTypeProblem };

const TYPES: readonly CriterionType[] = ['simple', 'regex', 'jsonpath', 'xpath'];

/** Allowed `version` values per expression type, exactly as Arazzo 1.0.1 lists them. */
export const EXPRESSION_TYPE_VERSIONS: Readonly<Record<'jsonpath' | 'xpath', readonly string[]>> = {
  jsonpath: ['draft-goessner-dispatch-jsonpath-00'],
  xpath: ['xpath-30', 'xpath-20', 'xpath-10'],
};

const typeProblem = (code: Code, message: string, hint?: string): ReadType => ({
  ok: false,
  problem: { code, message, severity: 'error', field: 'type', ...(hint === undefined ? {} : { hint }) },
});

export function readCriterionType(raw: unknown): ReadType {
  if (raw === undefined) return { ok: true, type: 'simple' };
  if (typeof raw === 'string') return readTypeName(raw);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return readTypeObject(raw as Record<string, unknown>);
  return typeProblem('criterion-invalid-type', 'type must be a string or a Criterion Expression Type Object');
}

function readTypeName(name: string): ReadType {
  const type = TYPES.find((t) => t === name);
  if (type !== undefined) return { ok: true, type };
  const lower = TYPES.find((t) => t === name.toLowerCase());
  const hint = lower === undefined ? `use one of: ${TYPES.join(', ')}` : `type names are lower-case: ${lower}`;
  return typeProblem('criterion-invalid-type', `unknown criterion type "${name}"`, hint);
}

function readTypeObject(object: Record<string, unknown>): ReadType {
  const { type, version } = object;
  if (type !== 'jsonpath' && type !== 'xpath') {
    const hint = 'a Criterion Expression Type Object is only for jsonpath or xpath';
    return typeProblem('criterion-invalid-type', `invalid expression type ${JSON.stringify(type)}`, hint);
  }
  const allowed = EXPRESSION_TYPE_VERSIONS[type];
  if (typeof version !== 'string' || !allowed.includes(version)) {
    const hint = `allowed versions for ${type}: ${allowed.join(', ')}; omit the object for the default (${type === 'jsonpath' ? 'RFC 9535' : 'XPath 3.1'})`;
    const message = version === undefined ? `version is required for ${type}` : `unsupported ${type} version ${JSON.stringify(version)}`;
    return typeProblem('criterion-invalid-version', message, hint);
  }
  return { ok: true, type, dialect: version };
}
