/**
 * The one table of a run's defaults. The engine, the HTTP port and the CLI's option defaults and
 * --help all read it, so a default cannot differ between the library and the command line.
 */
export const RUN_DEFAULTS = {
  /** Wait between iterations of a step that goes to itself (a poll). */
  pollIntervalMs: 2000,
  /** Budget of step executions for the whole run, counting every poll and retry. */
  maxSteps: 1000,
  /** Deadline of each HTTP request: connect, headers and the whole body. */
  requestTimeoutMs: 30_000,
  /** Largest response body read into memory. */
  maxResponseBytes: 10 * 1024 * 1024,
  /** Longest wait a Retry-After header may ask for. */
  maxRetryAfterMs: 5 * 60_000,
  /** Workflows nested inside each other (workflowId steps, dependsOn) before workflow-recursion. */
  maxWorkflowDepth: 32,
} as const;
