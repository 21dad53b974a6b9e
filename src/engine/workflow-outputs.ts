/**
 * Workflow outputs, evaluated when the workflow ends (normally or by `end`). An output that
 * reads a step that never ran is null with a warning naming the step; the run does not fail.
 */
import { renderValue } from '../expressions/evaluate-expression.js';
import type { RunContext, WorkflowFrame } from './run-context.js';
import { setOwn } from '../document/set-own.js';

export function evaluateWorkflowOutputs(run: RunContext, frame: WorkflowFrame): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  // $outputs here is this workflow's outputs: those listed earlier are readable (checklist 15.8).
  const scope = { ...run.scopeOf(frame), outputs };
  for (const output of frame.workflow.outputs) {
    const value = renderValue(output.value, scope, (expression, reason) => {
      const notRun = expression.kind === 'steps' && !Object.hasOwn(frame.stepOutputs, expression.stepId);
      run.warn(
        notRun ? 'output-step-not-run' : 'output-unresolved',
        notRun
          ? `output ${output.name} reads step ${expression.stepId}, which did not run; it is null`
          : `output ${output.name} (${expression.text}) has no value: ${reason}; it is null`,
        { file: frame.document.key, pointer: output.pointer },
      );
    });
    setOwn(outputs, output.name, value === undefined ? null : value);
  }
  return outputs;
}
