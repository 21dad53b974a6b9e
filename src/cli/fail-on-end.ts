/**
 * Issue 12 item 10: `--fail-on-end all|<action>` turns a run that a success `end` action ended
 * (Arazzo 1.0.1 §Success Action Object: "The workflow ends, and context returns to the caller")
 * into a failure, for CI jobs where "build failed, nothing more to do" must not pass. The
 * workflow's own outcome is unchanged by the spec; only this policy, asked for by name, fails it.
 */
import type { RunResult } from '../engine/run-result.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { suggest } from '../plan/resolve-references.js';
import { UsageError } from './parse-cli-values.js';

/** `all`, or the names of the end actions that fail the run. Undefined: an end never fails a run. */
export type FailOnEnd = 'all' | ReadonlySet<string> | undefined;

export function readFailOnEnd(values: readonly string[] | undefined): FailOnEnd {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  if (names.length === 0) return undefined;
  return names.includes('all') ? 'all' : new Set(names);
}

/** Success end actions the workflows can take, by name. */
export function endActionNames(workflows: readonly WorkflowPlan[]): string[] {
  const names = workflows.flatMap((w) => w.steps.flatMap((s) => s.onSuccess.filter((a) => a.type === 'end').map((a) => a.name)));
  return [...new Set(names)].sort();
}

/** A name no workflow of the run can end through is a typo: exit 2 before anything is sent. */
export function checkFailOnEnd(policy: FailOnEnd, workflows: readonly WorkflowPlan[]): void {
  if (policy === undefined || policy === 'all') return;
  const known = endActionNames(workflows);
  for (const name of policy) {
    if (known.includes(name)) continue;
    const close = suggest(name, known)?.startsWith('Did') ? `${suggest(name, known)} ` : '';
    throw new UsageError(
      `--fail-on-end "${name}" names no success end action of the workflow`,
      known.length === 0 ? 'The workflow has no onSuccess end action; use --fail-on-end all or drop the flag.' : `${close}Known end actions: ${known.join(', ')} (or all).`,
    );
  }
}

/** The result as the policy sees it: a matching success end becomes error `fail-on-end`. */
export function applyFailOnEnd(result: RunResult, policy: FailOnEnd): RunResult {
  const ended = result.endedBy;
  // endedBy also names the goto that transferred control to another workflow: that is no end.
  if (policy === undefined || result.status !== 'succeeded' || !ended || result.transferredTo) return result;
  if (policy !== 'all' && !policy.has(ended.action)) return result;
  return {
    ...result,
    status: 'failed',
    error: {
      code: 'fail-on-end',
      message: `step ${ended.stepId} ended the workflow through its end action "${ended.action}" (--fail-on-end)`,
      workflowId: result.workflowId,
      stepId: ended.stepId,
    },
  };
}
