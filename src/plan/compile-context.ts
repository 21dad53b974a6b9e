/** Shared state of one compilation: where we are, and the diagnostics collected so far. */
import { compileSelector, isSelectorObject } from './compile-selector.js';
import type { CompiledCriterion } from '../criteria/compile-criterion.js';
import { compileCriterion } from '../criteria/compile-criterion.js';
import { childPointer, makeDiagnostic, type Code, type Diagnostic, type Problem, type Severity } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';
import { compileValue } from '../expressions/compile-value.js';
import { SOURCES_HINT } from '../expressions/expression-problems.js';
import type { CriterionPlan } from './plan.js';
import { criterionExpressions, templateExpressions } from './template-expressions.js';

export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];
  /** The document's `arazzo` version, once checked (1.0.0 keeps `in: body` alive). */
  arazzoVersion = '';

  constructor(readonly file: string) {}

  report(code: Code, severity: Severity, message: string, pointer: string, extra: Partial<Diagnostic> = {}): void {
    this.diagnostics.push(makeDiagnostic(code, severity, message, { file: this.file, pointer, ...extra }));
  }

  reportProblem(problem: Problem, pointer: string, defaultSeverity: Severity = 'error'): void {
    const { severity, ...rest } = problem;
    this.diagnostics.push({ ...rest, severity: this.versionSeverity(problem) ?? severity ?? defaultSeverity, file: this.file, pointer });
  }

  /** `$steps.<id>.<name>` is the 1.0.0 text's own example form: a warning there, an error in 1.0.1. */
  private versionSeverity(problem: Problem): Severity | undefined {
    if (problem.code !== 'expression-steps-missing-outputs' || problem.severity !== 'warning') return undefined;
    return this.arazzoVersion.startsWith('1.0.0') ? 'warning' : 'error';
  }

  /**
   * Compiles a document value that may hold runtime expressions, reporting problems at their leaf.
   * An output value is a runtime expression (spec: Step/Workflow Object outputs), so there a `$…`
   * with an unknown source is an error, not text sent as is (issue 10 item 10).
   */
  value(raw: unknown, pointer: string, role: 'value' | 'output' = 'value'): ValueTemplate {
    const selector = this.arazzoVersion.startsWith('1.1.') ? (value: Record<string, unknown>) => (isSelectorObject(value) ? compileSelector(value) : undefined) : undefined;
    const { template, problems } = compileValue(raw, { bareExpressions: true, ...(selector ? { selector } : {}) });
    for (const problem of problems) {
      const { path, ...rest } = problem;
      const leaf = path.reduce<string>((p, token) => childPointer(p, token), pointer);
      this.reportProblem(role === 'output' && rest.code === 'expression-unknown-source' ? { ...rest, severity: 'error' } : rest, leaf);
    }
    if (this.arazzoVersion.startsWith('1.1.')) templateExpressions(template, (expression) => this.checkStrict11(expression, pointer));
    const newer = this.arazzoVersion.startsWith('1.0.') ? v11Source(template) : undefined;
    if (newer !== undefined) {
      this.report('expression-unknown-source', role === 'output' ? 'error' : 'warning', `$${newer} is an Arazzo 1.1 runtime expression source; this is a 1.0 document`, pointer, { hint: SOURCES_HINT });
    }
    if (role === 'output' && problems.length === 0 && template.kind === 'literal' && typeof raw === 'string' && raw.startsWith('$')) {
      this.report('output-not-expression', 'error', `"${raw}" is not a runtime expression, and an output value must be one`, pointer, { hint: SOURCES_HINT });
    }
    return template;
  }

  criteria(raw: unknown, pointer: string): CriterionPlan[] {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      this.report('document-structure', 'error', 'Criteria must be a list of Criterion Objects', pointer);
      return [];
    }
    const plans: CriterionPlan[] = [];
    raw.forEach((item, index) => {
      const itemPointer = childPointer(pointer, index);
      const { compiled, problems } = compileCriterion(item, this.arazzoVersion.startsWith('1.1.'));
      for (const problem of problems) {
        const { field, ...rest } = problem;
        this.reportProblem(rest, field ? childPointer(itemPointer, field) : itemPointer);
      }
      if (compiled && this.arazzoVersion.startsWith('1.1.')) criterionExpressions(compiled, (expression) => this.checkStrict11(expression, itemPointer));
      if (compiled) plans.push({ pointer: itemPointer, criterion: compiled as CompiledCriterion });
    });
    return plans;
  }

  private checkStrict11(expression: RuntimeExpression, pointer: string): void {
    const problem = strict11Problem(expression);
    if (problem) this.report(problem.code, problem.severity, problem.message, pointer, { hint: problem.hint });
  }
}

/** `$message` and `$self` exist from Arazzo 1.1.0 (§Runtime Expressions) only: the first one used. */
function v11Source(template: ValueTemplate): 'message' | 'self' | undefined {
  let found: 'message' | 'self' | undefined;
  templateExpressions(template, (expression) => {
    if (found === undefined && (expression.kind === 'message' || expression.kind === 'self')) found = expression.kind;
  });
  return found;
}

const STRICT_IDENTIFIER = /^[A-Za-z0-9_-]+$/;

/**
 * Arazzo 1.1.0 §Runtime Expressions, the rewritten ABNF: `step-id = identifier-strict` and
 * `steps-reference = step-id ".outputs." output-name`. Of the 1.0.x readings the scanner keeps, a
 * stepId with spaces is an error in a 1.1 document; `$steps.<id>.outputs` (the whole map) is a
 * warning, because the 1.1 schema's own pass documents use it as a Selector Object context.
 */
function strict11Problem(expression: RuntimeExpression): { code: Code; severity: Severity; message: string; hint: string } | undefined {
  if (expression.kind !== 'steps') return undefined;
  if (!STRICT_IDENTIFIER.test(expression.stepId)) {
    return { code: 'expression-syntax', severity: 'error', message: `${expression.text}: a stepId in an Arazzo 1.1 expression is letters, digits, "-" and "_" (identifier-strict)`, hint: 'Rename the step, e.g. with "_" for spaces.' };
  }
  if (expression.name === undefined) {
    return { code: 'expression-steps-missing-outputs', severity: 'warning', message: `${expression.text}: the Arazzo 1.1 grammar names one output ($steps.<stepId>.outputs.<name>); read as the whole outputs map, as 1.0 does`, hint: `e.g. $steps.${expression.stepId}.outputs.<name>, or a Selector Object on the map` };
  }
  return undefined;
}
