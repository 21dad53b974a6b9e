/** The poll benchmark workflow, run through the library API (dist/index.js, built by `npm run build`). */
import { fileURLToPath } from 'node:url';
import { LIBRARY_URL } from './paths.mjs';

export const POLL_WORKFLOW = fileURLToPath(new URL('../fixtures/poll-workflow.yml', import.meta.url));
export const POLL_WORKFLOW_ID = 'poll-until-done';
export const POLL_INPUTS = { apiToken: 'bench-token', jobId: 'job-1' };

const library = () => import(LIBRARY_URL);

export async function loadPollPlan() {
  const { loadPlan } = await library();
  const loaded = await loadPlan(POLL_WORKFLOW);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the poll workflow does not load: ${errors.map((d) => d.code).join(', ')}`);
  return loaded.plan;
}

/** One run of the workflow; throws unless it polled exactly `iterations` times and succeeded. */
export async function runPollWorkflow(plan, serverUrl, iterations) {
  const { runWorkflow, createUndiciHttpPort, systemClock } = await library();
  const http = createUndiciHttpPort();
  try {
    const result = await runWorkflow(plan, POLL_WORKFLOW_ID, POLL_INPUTS, {
      http,
      clock: systemClock,
      pollIntervalMs: 0,
      maxSteps: iterations + 10,
      servers: { pollApi: serverUrl },
    });
    const executions = result.steps[0]?.executions;
    if (result.status !== 'succeeded' || executions !== iterations) {
      throw new Error(`poll workflow: status ${result.status}, ${executions} executions (expected ${iterations}) ${JSON.stringify(result.error ?? {})}`);
    }
  } finally {
    await http.close();
  }
}
