/**
 * Workflow outputs, evaluated when the workflow ends (normally or by `end`). An output that
 * reads a step that never ran is null with a warning naming the step; the run does not fail.
 */
import { setOwn } from '../document/set-own.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import { scopeOf, warn, type FramePlan, type RunEnv } from './run-env.js';
import type { Frame, RunState } from './run-state.js';

export function evaluateWorkflowOutputs(state: RunState, env: RunEnv, frame: Frame, at: FramePlan): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  // $outputs here is this workflow's outputs: those listed earlier are readable (checklist 15.8).
  const scope = { ...scopeOf(state, frame, at.document), outputs };
  for (const output of at.workflow.outputs) {
    const value = renderValue(output.value, scope, (expression, reason) => {
      const notRun = expression.kind === 'steps' && !Object.hasOwn(frame.stepOutputs, expression.stepId);
      warn(
        state,
        env,
        notRun ? 'output-step-not-run' : 'output-unresolved',
        notRun
          ? `output ${output.name} reads step ${expression.stepId}, which did not run; it is null`
          : `output ${output.name} (${expression.text}) has no value: ${reason}; it is null`,
        { file: at.document.key, pointer: output.pointer },
      );
    });
    setOwn(outputs, output.name, value === undefined ? null : value);
  }
  return outputs;
}
