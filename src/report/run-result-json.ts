/** The --json result: `{workflowId, status, outputs, endedBy, steps, ...}`, stable for scripts. */
import type { RunResult } from '../engine/run-result.js';
import { diagnosticToJson } from './format-diagnostic.js';

export function runResultToJson(result: RunResult, cwd?: string): Record<string, unknown> & { outputs: Record<string, unknown> } {
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
  };
}
