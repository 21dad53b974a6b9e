/**
 * Figure 3, in one process: the poll workflow (loadPlan once, then runWorkflow over the undici
 * port) against a bare undici loop sending the same requests to the same server. Runs alternate
 * so both see the same machine noise. Prints one JSON line: { workflowMs: [...], bareMs: [...] }.
 * Usage: node bench/per-step-child.mjs <server-url> <iterations> <repetitions>
 */
import { Agent, request } from 'undici';
import { loadPollPlan, POLL_INPUTS, runPollWorkflow } from './lib/poll-workflow.mjs';

const [serverUrl, iterationsText, repetitionsText] = process.argv.slice(2);
const iterations = Number(iterationsText);
const repetitions = Number(repetitionsText);

async function arm(after) {
  const response = await fetch(`${serverUrl}/arm?after=${after}`, { method: 'POST' });
  await response.arrayBuffer();
}

/** The floor: what any client must do per poll — send, read and parse the JSON, look at state. */
async function runBareLoop(count) {
  const dispatcher = new Agent();
  const url = `${serverUrl}/jobs/${POLL_INPUTS.jobId}`;
  const headers = { authorization: `Bearer ${POLL_INPUTS.apiToken}` };
  try {
    let state = '';
    for (let i = 0; i < count; i++) {
      const response = await request(url, { dispatcher, method: 'GET', headers });
      const body = await response.body.json();
      state = body.state;
    }
    if (state !== 'done') throw new Error(`bare loop ended with state ${state}`);
  } finally {
    await dispatcher.close();
  }
}

async function timed(action) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

const plan = await loadPollPlan();
// Warm-up, one full run of each side: JIT, sockets and lazy imports.
await arm(iterations);
await runBareLoop(iterations);
await arm(iterations);
await runPollWorkflow(plan, serverUrl, iterations);

const workflowMs = [];
const bareMs = [];
for (let i = 0; i < repetitions; i++) {
  await arm(iterations);
  bareMs.push(await timed(() => runBareLoop(iterations)));
  await arm(iterations);
  workflowMs.push(await timed(() => runPollWorkflow(plan, serverUrl, iterations)));
}
process.stdout.write(`${JSON.stringify({ workflowMs, bareMs })}\n`);
