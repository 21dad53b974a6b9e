/**
 * The --json result: `{workflowId, status, outputs, endedBy, steps, error, ...}`, stable for
 * scripts. With a journal it also carries every step execution with its timing (`timeline`) and
 * each workflow's status; `--report json=<path>` writes the same object.
 */
import type { RunResult } from '../engine/run-result.js';
import { diagnosticToJson } from './format-diagnostic.js';
import type { RunJournal } from './run-journal.js';

export interface RunJsonContext {
  journal?: RunJournal;
  /** Set when a signal stopped the run. */
  interruptedBy?: 'SIGINT' | 'SIGTERM';
  /** Set for a run continued by `arazzo resume`: when, each time (ISO). */
  resumedAt?: readonly string[];
}

export function runResultToJson(result: RunResult, cwd?: string, context: RunJsonContext = {}): Record<string, unknown> & { outputs: Record<string, unknown> } {
  const { journal } = context;
  return {
    workflowId: result.workflowId,
    status: result.status,
    outputs: result.outputs,
    endedBy: result.endedBy,
    steps: result.steps,
    error: result.error ?? null,
    ...(result.transferredTo ? { transferredTo: result.transferredTo } : {}),
    warnings: result.warnings.map((w) => diagnosticToJson(w, cwd)),
    durationMs: result.durationMs,
    ...(context.interruptedBy ? { interruptedBy: context.interruptedBy } : {}),
    ...(context.resumedAt ? { resumedAt: context.resumedAt } : {}),
    ...(journal
      ? {
          startedAt: new Date(journal.startedAt).toISOString(),
          workflows: [...journal.workflows].map(([workflowId, status]) => ({ workflowId, status })),
          timeline: journal.timeline,
          ...(journal.timelineOmitted > 0 ? { timelineOmitted: journal.timelineOmitted } : {}),
        }
      : {}),
  };
}
