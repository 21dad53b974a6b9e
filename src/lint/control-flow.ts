/**
 * The step graph of one workflow, as the runner walks it (spec: Step Object onSuccess/onFailure,
 * Success/Failure Action Objects): the first action whose criteria hold wins, an action without
 * criteria always holds, no matching success action means "next step", no matching failure action
 * means "the workflow fails". A retry runs its target step (if any) and then the step again, and
 * after its retries are used up the next failure actions are tried, so a retry never stops the scan.
 */
import type { LintAction, LintStep, LintWorkflow } from './lint-model.js';

export interface StepNode {
  /** Steps that can run right after this one succeeded. */
  success: Set<number>;
  /** Steps that can run right after this one failed (goto, retry, a retry's target). */
  failure: Set<number>;
  /** The workflow can finish successfully right after this step (last step, or an end action on success). */
  successExit: boolean;
  /** The workflow can leave this loop on success: a success exit or a goto to another workflow. */
  leavesOnSuccess: boolean;
}

export interface ControlFlow {
  nodes: ReadonlyMap<number, StepNode>;
  /** Steps that go back to `index` from a retry's target (retry with a stepId runs the target, then retries). */
  returns: ReadonlyMap<number, ReadonlySet<number>>;
}

export function buildControlFlow(workflow: LintWorkflow): ControlFlow {
  const last = Math.max(-1, ...workflow.steps.map((s) => s.index));
  const nodes = new Map<number, StepNode>();
  const returns = new Map<number, Set<number>>();
  for (const step of workflow.steps) {
    const success = scanSuccess(step, last);
    const failure = scanFailure(step, returns);
    nodes.set(step.index, { ...success, failure });
  }
  return { nodes, returns };
}

function scanSuccess(step: LintStep, last: number): Omit<StepNode, 'failure'> {
  const success = new Set<number>();
  let successExit = false;
  let leavesOnSuccess = false;
  for (const action of step.onSuccess) {
    if (action.type === 'end') successExit = true;
    if (action.type === 'goto') {
      if (action.targetStep !== undefined) success.add(action.targetStep);
      if (action.targetsWorkflow) leavesOnSuccess = true;
    }
    if (!action.hasCriteria) return { success, successExit, leavesOnSuccess: leavesOnSuccess || successExit };
  }
  if (step.index < last) success.add(step.index + 1);
  else successExit = true;
  return { success, successExit, leavesOnSuccess: leavesOnSuccess || successExit };
}

function scanFailure(step: LintStep, returns: Map<number, Set<number>>): Set<number> {
  const failure = new Set<number>();
  for (const action of step.onFailure) {
    if (action.type === 'retry') {
      failure.add(step.index);
      if (action.targetStep !== undefined) {
        failure.add(action.targetStep);
        if (!returns.has(action.targetStep)) returns.set(action.targetStep, new Set());
        returns.get(action.targetStep)!.add(step.index);
      }
      continue;
    }
    if (action.type === 'goto' && action.targetStep !== undefined) failure.add(action.targetStep);
    if (!action.hasCriteria) break;
  }
  return failure;
}

/** Every step that can run after `from` (one or more steps later), optionally never passing `blocked`. */
export function reachableAfter(flow: ControlFlow, from: number, blocked?: number): Set<number> {
  const seen = new Set<number>();
  const queue = [...successorsOf(flow, from)];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next) || next === blocked) continue;
    seen.add(next);
    queue.push(...successorsOf(flow, next));
  }
  return seen;
}

export function successorsOf(flow: ControlFlow, index: number): number[] {
  const node = flow.nodes.get(index);
  if (!node) return [];
  return [...node.success, ...node.failure, ...(flow.returns.get(index) ?? [])].filter((i) => flow.nodes.has(i));
}

/** Steps that run when the workflow starts, or can be reached from the first step. */
export function reachableSteps(flow: ControlFlow): Set<number> {
  const first = Math.min(...flow.nodes.keys());
  if (!Number.isFinite(first)) return new Set();
  return new Set([first, ...reachableAfter(flow, first)]);
}

/** Can the workflow finish successfully without ever running `skipped`? */
export function canFinishWithout(flow: ControlFlow, skipped: number): boolean {
  const first = Math.min(...flow.nodes.keys());
  if (first === skipped || !Number.isFinite(first)) return false;
  const seen = new Set([first, ...reachableAfter(flow, first, skipped)]);
  return [...seen].some((i) => flow.nodes.get(i)?.successExit);
}

/** The goto actions of loops that nothing can leave while their steps succeed. */
export function endlessLoops(workflow: LintWorkflow, flow: ControlFlow): LintAction[] {
  const found: LintAction[] = [];
  for (const component of successComponents(flow)) {
    const members = new Set(component);
    const cyclic = component.length > 1 || flow.nodes.get(component[0]!)!.success.has(component[0]!);
    if (!cyclic) continue;
    const leaves = component.some((i) => {
      const node = flow.nodes.get(i)!;
      return node.leavesOnSuccess || [...node.success].some((next) => !members.has(next));
    });
    if (leaves) continue;
    const back = workflow.steps
      .filter((step) => members.has(step.index))
      .flatMap((step) => step.onSuccess.filter((a) => a.type === 'goto' && a.targetStep !== undefined && a.targetStep <= step.index && members.has(a.targetStep)));
    found.push(...back.slice(0, 1));
  }
  return found;
}

/** Strongly connected components of the success edges (Tarjan). */
function successComponents(flow: ControlFlow): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const components: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of flow.nodes.get(v)!.success) {
      if (!flow.nodes.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: number[] = [];
    let w: number;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    components.push(component);
  };
  for (const v of flow.nodes.keys()) if (!index.has(v)) visit(v);
  return components;
}
