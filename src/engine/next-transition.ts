/**
 * The interpreter's decision, as a pure function: given how a step ended, which action runs
 * next (spec: Step Object onSuccess/onFailure, Success/Failure Action Objects).
 * - The first action (in list order) whose criteria all pass wins.
 * - No match on success → the next step; no match on failure → the run fails ("break and return").
 * - A retry whose retryLimit is used up is skipped, so the next matching failure action runs.
 */
import { evaluateCriterion } from '../criteria/evaluate-criterion.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { ActionPlan, ActionTarget, StepPlan } from '../plan/plan.js';

export type Transition =
  | { kind: 'next' }
  | { kind: 'end'; action: ActionPlan }
  | { kind: 'goto'; action: ActionPlan; target: ActionTarget }
  | { kind: 'retry'; action: ActionPlan; delayMs: number }
  | { kind: 'fail'; reason: string };

export interface TransitionInput {
  step: StepPlan;
  succeeded: boolean;
  /** Same scope the successCriteria saw: $statusCode, $response..., $outputs of a child. */
  scope: ExpressionScope;
  /** Retries already used in this visit of the step, by action name. */
  retriesUsed: Readonly<Record<string, number>>;
  /** Delay asked for by a Retry-After response header, which overrules retryAfter. */
  retryAfterHeaderMs?: number;
  /** Why the step failed, for the failure message. */
  failureReason?: string;
}

export function nextTransition(input: TransitionInput): Transition {
  const actions = input.succeeded ? input.step.onSuccess : input.step.onFailure;
  for (const action of actions) {
    if (!criteriaPass(action, input.scope)) continue;
    if (action.type === 'end') return { kind: 'end', action };
    if (action.type === 'goto' && action.target) return { kind: 'goto', action, target: action.target };
    if (action.type === 'retry') {
      if ((input.retriesUsed[action.name] ?? 0) >= action.retryLimit) continue;
      return { kind: 'retry', action, delayMs: input.retryAfterHeaderMs ?? action.retryAfterMs };
    }
  }
  if (input.succeeded) return { kind: 'next' };
  return { kind: 'fail', reason: input.failureReason ?? `step ${input.step.stepId} failed` };
}

function criteriaPass(action: ActionPlan, scope: ExpressionScope): boolean {
  return action.criteria.every((plan) => evaluateCriterion(plan.criterion, scope).passed);
}
