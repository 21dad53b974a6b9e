/** The one table of exit codes; README and --help print the same. Scripts depend on these. */
export const EXIT = {
  /** The workflow succeeded / lint found no errors. */
  ok: 0,
  /** The workflow failed (a step failed, a limit tripped) / lint found errors. */
  failed: 1,
  /** Usage, document or input error: nothing was sent. */
  invalid: 2,
  /** Stopped by SIGINT. */
  interrupted: 130,
  /** Stopped by SIGTERM. */
  terminated: 143,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0    the workflow succeeded (lint: no errors)
  1    the workflow failed: a step failed, --max-steps or --timeout tripped (lint: errors found; test: a scenario failed)
  2    usage, document or input error; no HTTP request was sent
  130  interrupted (SIGINT); 143 terminated (SIGTERM)`;
