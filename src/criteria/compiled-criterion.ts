/**
 * A Criterion Object compiled once at load time (spec: Criterion Object). The `*-template`
 * kinds hold regex/JSONPath conditions with embedded `{$…}` expressions (checklist §12.12):
 * they are substituted and compiled per evaluation; every other kind is compiled once.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression, ValueTemplate } from '../expressions/ast.js';
import type { CompiledJsonPath } from './jsonpath.js';
import type { ConditionNode } from './simple-condition.js';

export type CompiledCriterion =
  | { kind: 'simple'; condition: ConditionNode; source: string }
  | { kind: 'regex'; context: RuntimeExpression; pattern: RegExp; source: string }
  | { kind: 'regex-template'; context: RuntimeExpression; template: ValueTemplate; source: string }
  /** RFC 9535; passes when the nodelist is not empty. */
  | { kind: 'jsonpath'; context: RuntimeExpression; query: CompiledJsonPath; source: string }
  | { kind: 'jsonpath-template'; context: RuntimeExpression; template: ValueTemplate; source: string }
  /** Seed-style `$.state == 'x'`: a Simple condition whose `$.…` paths read the context value. */
  | { kind: 'jsonpath-comparison'; context: RuntimeExpression; condition: ConditionNode; source: string }
  /** `{type: jsonpath, version: draft-goessner-dispatch-jsonpath-00}`. */
  | { kind: 'goessner'; context: RuntimeExpression; path: string; source: string };

export type CriterionField = 'condition' | 'context' | 'type';

/** Offsets are inside the string value of `field` (absent for whole-object problems). */
export type CriterionProblem = Problem & { field?: CriterionField };

export interface CriterionCompilation {
  compiled?: CompiledCriterion;
  problems: CriterionProblem[];
}

export const inField = (field: CriterionField, problems: readonly Problem[]): CriterionProblem[] =>
  problems.map((problem) => ({ ...problem, field }));

export const hasError = (problems: readonly Problem[]): boolean =>
  problems.some((problem) => (problem.severity ?? 'error') === 'error');
