/**
 * A run's record laid over the graph: each step that ran (and how often), the ones that failed,
 * and the action that ended the run on the end node. Pure; reads the stable RunResult shape.
 */
import type { RunResult } from '../engine/run-result.js';
import type { NodeMark } from './render-mermaid.js';

export function markRun(result: RunResult): Map<string, NodeMark> {
  const marks = new Map<string, NodeMark>();
  for (const step of result.steps) {
    const state = step.status === 'failed' ? 'failed' : step.status === 'skipped' ? 'skipped' : 'ran';
    const note = step.status === 'skipped' ? 'skipped' : `ran ×${step.executions}${step.status === 'failed' ? ', failed' : ''}`;
    marks.set(`${step.workflowId}/${step.stepId}`, { state, note });
  }
  if (result.status === 'succeeded') {
    const note = result.endedBy ? `ended by ${result.endedBy.action} at ${result.endedBy.stepId}` : 'succeeded';
    marks.set(`${result.workflowId}/end`, { state: 'ran', note });
  } else {
    const where = result.error?.stepId ? ` at ${result.error.stepId}` : '';
    marks.set(`${result.error?.workflowId ?? result.workflowId}/fail`, { state: 'failed', note: `${result.error?.code ?? 'failed'}${where}` });
  }
  return marks;
}
