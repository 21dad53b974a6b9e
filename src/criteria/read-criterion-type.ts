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
const VERSIONS_10: Readonly<Record<'jsonpath' | 'xpath', readonly string[]>> = {
  jsonpath: ['draft-goessner-dispatch-jsonpath-00'],
  xpath: ['xpath-30', 'xpath-20', 'xpath-10'],
};

/** Arazzo 1.1.0 §Expression Type Object: the defaults may be named too (rfc9535, xpath-31). */
const VERSIONS_11: Readonly<Record<'jsonpath' | 'xpath', readonly string[]>> = {
  jsonpath: ['rfc9535', 'draft-goessner-dispatch-jsonpath-00'],
  xpath: ['xpath-31', 'xpath-30', 'xpath-20', 'xpath-10'],
};

/** The versions that mean the default dialect (no `dialect` in the result). */
const DEFAULT_VERSIONS = new Set(['rfc9535', 'xpath-31']);

const typeProblem = (code: Code, message: string, hint?: string): ReadType => ({
  ok: false,
  problem: { code, message, severity: 'error', field: 'type', ...(hint === undefined ? {} : { hint }) },
});

/** `arazzo11`: the document is Arazzo 1.1.x, whose Expression Type Object also names the defaults. */
export function readCriterionType(raw: unknown, arazzo11 = false): ReadType {
  if (raw === undefined) return { ok: true, type: 'simple' };
  if (typeof raw === 'string') return readTypeName(raw);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return readTypeObject(raw as Record<string, unknown>, arazzo11);
  return typeProblem('criterion-invalid-type', `type must be a string or ${arazzo11 ? 'an Expression Type Object' : 'a Criterion Expression Type Object'}`);
}

function readTypeName(name: string): ReadType {
  const type = TYPES.find((t) => t === name);
  if (type !== undefined) return { ok: true, type };
  const lower = TYPES.find((t) => t === name.toLowerCase());
  const hint = lower === undefined ? `use one of: ${TYPES.join(', ')}` : `type names are lower-case: ${lower}`;
  return typeProblem('criterion-invalid-type', `unknown criterion type "${name}"`, hint);
}

function readTypeObject(object: Record<string, unknown>, arazzo11: boolean): ReadType {
  const { type, version } = object;
  if (arazzo11 && type === 'jsonpointer') {
    // 1.1 lists jsonpointer for Selector Objects; a Criterion Object has only simple, regex, jsonpath and xpath conditions.
    const hint = 'a JSON Pointer selects a value and passes or fails nothing: use a simple condition such as $response.body#/status == \'ready\'';
    return typeProblem('criterion-invalid-type', 'a criterion cannot be of type jsonpointer', hint);
  }
  if (type !== 'jsonpath' && type !== 'xpath') {
    const hint = `${arazzo11 ? 'an Expression Type Object in a criterion' : 'a Criterion Expression Type Object'} is only for jsonpath or xpath`;
    return typeProblem('criterion-invalid-type', `invalid expression type ${JSON.stringify(type)}`, hint);
  }
  const allowed = (arazzo11 ? VERSIONS_11 : VERSIONS_10)[type];
  if (typeof version !== 'string' || !allowed.includes(version)) {
    const hint = `allowed versions for ${type}: ${allowed.join(', ')}; omit the object for the default (${type === 'jsonpath' ? 'RFC 9535' : 'XPath 3.1'})`;
    const message = version === undefined ? `version is required for ${type}` : `unsupported ${type} version ${JSON.stringify(version)}`;
    return typeProblem('criterion-invalid-version', message, hint);
  }
  return DEFAULT_VERSIONS.has(version) ? { ok: true, type } : { ok: true, type, dialect: version };
}
