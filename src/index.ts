/**
 * The library surface: load and check a document, run a workflow over a pluggable HTTP layer,
 * evaluate an expression or a criterion. The CLI is one client of this.
 */
import { boundRegexBacktracking } from './runtime/bound-regex-backtracking.js';

// Regex criteria from documents run against server responses: bounded as in the CLI.
boundRegexBacktracking();

export { loadPlan, type LoadedPlan } from './cli/load-plan.js';
export { compilePlan } from './plan/compile-plan.js';
export type { Plan, WorkflowPlan, StepPlan } from './plan/plan.js';
export { runWorkflow, startRun, resumeRun, type RunOptions } from './engine/run-workflow.js';
export { advance } from './engine/advance.js';
export { driveRun, type DriveHooks, type Driven } from './engine/drive-run.js';
export { createRunEnv, type RunEnv, type RunEnvOptions } from './engine/run-env.js';
export type { RunState, Frame, FrameNext, InFlight } from './engine/run-state.js';
export type { Effect, SendEffect, Reply, Advanced } from './engine/effects.js';
export { RUN_DEFAULTS } from './engine/run-defaults.js';
export type { RunResult, StepRecord, RunError } from './engine/run-result.js';
export type { RunEvent, EventSink } from './engine/events.js';
export type { HttpPort, HttpRequest, HttpResponse, HttpOutcome, Clock } from './engine/ports.js';
export { createUndiciHttpPort } from './http/undici-http-port.js';
export { systemClock } from './runtime/system-clock.js';
export { parseExpression } from './expressions/parse-expression.js';
export { evaluateExpression } from './expressions/evaluate-expression.js';
export type { ExpressionScope } from './expressions/scope.js';
export { compileCriterion } from './criteria/compile-criterion.js';
export { evaluateCriterion } from './criteria/evaluate-criterion.js';
export { validateInputs } from './inputs/validate-inputs.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
