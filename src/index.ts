/**
 * The library surface: load and check a document, run a workflow over a pluggable HTTP layer,
 * evaluate an expression or a criterion. The CLI is one client of this.
 */
export { loadPlan, type LoadedPlan } from './cli/load-plan.js';
export { compilePlan } from './plan/compile-plan.js';
export type { Plan, WorkflowPlan, StepPlan } from './plan/plan.js';
export { runWorkflow, type RunOptions } from './engine/run-workflow.js';
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
