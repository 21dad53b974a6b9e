/**
 * Raw Criterion Object (as loaded from YAML) → CompiledCriterion + problems (spec:
 * Criterion Object; checklist §12). Lint and run share this: every condition is parsed
 * before a single request is sent.
 */
import type { RuntimeExpression } from '../expressions/ast.js';
import { parseExpression } from '../expressions/parse-expression.js';
import { compileGoessnerCriterion, compileJsonPathCriterion } from './compile-jsonpath-criterion.js';
import { compileRegexCriterion } from './compile-regex-criterion.js';
import { hasError, inField, type CriterionCompilation, type CriterionProblem } from './compiled-criterion.js';
import { parseCondition } from './parse-condition.js';
import { walkCondition, type ConditionNode } from './simple-condition.js';
import type { Code, Problem } from '../diagnostics/diagnostic.js';
import { readCriterionType, type CriterionType } from './read-criterion-type.js';

export type { CompiledCriterion, CriterionCompilation, CriterionProblem } from './compiled-criterion.js';

const error = (code: Code, message: string, field?: CriterionProblem['field']): CriterionProblem => ({
  code,
  message,
  severity: 'error',
  ...(field === undefined ? {} : { field }),
});

/** `arazzo11`: read `type` by Arazzo 1.1.0 §Expression Type Object (1.0.x documents keep 1.0.1's list). */
export function compileCriterion(criterion: unknown, arazzo11 = false): CriterionCompilation {
  if (typeof criterion !== 'object' || criterion === null || Array.isArray(criterion)) {
    return { problems: [error('criterion-invalid', 'a criterion must be an object with a condition')] };
  }
  const raw = criterion as Record<string, unknown>;
  const problems: CriterionProblem[] = [];
  const type = readCriterionType(raw['type'], arazzo11);
  if (!type.ok) problems.push(type.problem);
  // Never a silent pass (checklist §12.9): XPath is refused until an engine is chosen.
  if (type.ok && type.type === 'xpath') problems.push(error('criterion-xpath-unsupported', 'XPath criteria are not supported yet', 'type'));
  const condition = raw['condition'];
  if (condition === undefined) problems.push(error('criterion-missing-condition', 'condition is required', 'condition'));
  else if (typeof condition !== 'string') problems.push(error('criterion-invalid-condition', 'condition must be a string', 'condition'));
  const context = readContext(raw['context'], type.ok ? type.type : undefined, problems);
  if (!type.ok || typeof condition !== 'string' || hasError(problems)) return { problems };
  const result = compileByType(type.type, type.dialect, condition, context);
  const all = [...problems, ...result.problems];
  return hasError(all) || result.compiled === undefined ? { problems: all } : { compiled: result.compiled, problems: all };
}

/** `context` is required for regex/jsonpath/xpath (checklist §12.3); optional for simple. */
function readContext(raw: unknown, type: CriterionType | undefined, problems: CriterionProblem[]): RuntimeExpression | undefined {
  if (raw === undefined) {
    if (type !== undefined && type !== 'simple') {
      problems.push(error('criterion-missing-context', `a ${type} criterion needs a context, e.g. $response.body`, 'context'));
    }
    return undefined;
  }
  if (typeof raw !== 'string') {
    problems.push(error('criterion-invalid-context', 'context must be a runtime expression string', 'context'));
    return undefined;
  }
  const parsed = parseExpression(raw);
  if (!parsed.ok) {
    problems.push(...inField('context', [{ severity: 'error', ...parsed.problem }]));
    return undefined;
  }
  problems.push(...inField('context', parsed.warnings));
  return parsed.expression;
}

function compileByType(
  type: CriterionType,
  dialect: string | undefined,
  condition: string,
  context: RuntimeExpression | undefined,
): CriterionCompilation {
  if (type === 'simple') return compileSimple(condition);
  // A missing context (regex/jsonpath) and xpath were reported before we got here.
  if (context === undefined || type === 'xpath') return { problems: [] };
  if (type === 'regex') return compileRegexCriterion(condition, context);
  return dialect === undefined ? compileJsonPathCriterion(condition, context) : compileGoessnerCriterion(condition, context);
}

function compileSimple(condition: string): CriterionCompilation {
  const parsed = parseCondition(condition);
  if (!parsed.ok) return { problems: inField('condition', [{ severity: 'error', ...parsed.problem }]) };
  const problems = [...parsed.warnings, ...embeddedInLiterals(parsed.ast)];
  return { compiled: { kind: 'simple', condition: parsed.ast, source: condition }, problems: inField('condition', problems) };
}

/**
 * In a simple condition, expressions are operands: `'o-{$inputs.a}'` is a literal string, compared
 * as written. Say so, rather than let a condition silently never match.
 */
function embeddedInLiterals(ast: ConditionNode): Problem[] {
  const problems: Problem[] = [];
  walkCondition(ast, (node) => {
    if (node.type !== 'literal' || typeof node.value !== 'string' || !/\{\$/.test(node.value)) return;
    problems.push({
      code: 'condition-literal-embedded',
      severity: 'warning',
      message: `'${node.value}' is a string literal; the {$…} inside it is not evaluated in a simple condition`,
      hint: 'Compare with the runtime expression itself (e.g. $response.body#/id == $inputs.id), or use a regex criterion, where {$…} is substituted.',
      offset: node.offset,
    });
  });
  return problems;
}
