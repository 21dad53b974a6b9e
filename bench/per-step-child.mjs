/**
 * Figure 3, in one process: the poll workflow (loadPlan once, then runWorkflow over the undici
 * port) against a bare undici loop sending the same requests to the same server. Runs alternate
 * so both see the same machine noise. Prints one JSON line with wall and CPU times (ms) of each run:
 * { workflowMs, bareMs, workflowCpuMs, bareCpuMs }. The server runs in another process, so CPU
 * time here is the client's own cost.
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
  const cpu = process.cpuUsage();
  await action();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const plan = await loadPollPlan();
// Warm-up, three full runs of each side: JIT tiers, sockets and lazy imports. The figure is the
// steady per-step cost of a long poll loop, not the first run's compile time.
for (let i = 0; i < 3; i++) {
  await arm(iterations);
  await runBareLoop(iterations);
  await arm(iterations);
  await runPollWorkflow(plan, serverUrl, iterations);
}

const out = { workflowMs: [], bareMs: [], workflowCpuMs: [], bareCpuMs: [] };
for (let i = 0; i < repetitions; i++) {
  await arm(iterations);
  const bare = await timed(() => runBareLoop(iterations));
  await arm(iterations);
  const workflow = await timed(() => runPollWorkflow(plan, serverUrl, iterations));
  out.bareMs.push(bare.ms);
  out.bareCpuMs.push(bare.cpuMs);
  out.workflowMs.push(workflow.ms);
  out.workflowCpuMs.push(workflow.cpuMs);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
