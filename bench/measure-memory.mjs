/**
 * Figure 4: peak RSS of a 10,000-iteration poll run of the CLI against the 1,000-iteration run,
 * one child process per measurement (lib/report-usage.mjs reads resourceUsage().maxRSS at exit).
 */
import { makeFigure } from './lib/stats.mjs';
import { benchFile, CLI, ROOT } from './lib/paths.mjs';
import { runNodeChecked } from './lib/spawn-timed.mjs';

export const MEMORY_SHORT = 1000;
export const MEMORY_LONG = 10_000;
export const MEMORY_LIMIT_MB = 120;

async function peakRssMb(server, iterations) {
  await server.arm(iterations);
  const args = [
    CLI, 'run', benchFile('fixtures/poll-workflow.yml'),
    '--input', 'apiToken=bench-token', '--input', 'jobId=job-1',
    '--server', `pollApi=${server.url}`,
    '--poll-interval', '0', '--max-steps', String(iterations + 10), '--json', '--no-color',
  ];
  const { stdout, maxRssMb } = await runNodeChecked(args, { cwd: ROOT });
  const result = JSON.parse(stdout);
  const executions = result.steps?.[0]?.executions;
  if (result.status !== 'succeeded' || executions !== iterations) throw new Error(`memory run: ${result.status}, ${executions} executions (expected ${iterations})`);
  return maxRssMb;
}

export async function measureMemory(server, repetitions) {
  const short = [];
  const long = [];
  for (let i = 0; i < repetitions; i++) {
    short.push(await peakRssMb(server, MEMORY_SHORT));
    long.push(await peakRssMb(server, MEMORY_LONG));
  }
  const common = { unit: 'MB', samples: long, baselineSamples: short, baselineName: `${MEMORY_SHORT} iterations` };
  return [
    makeFigure({ id: 'memory-growth', name: `peak RSS, ${MEMORY_LONG} iterations (CLI run)`, ...common, target: 1.1 }),
    makeFigure({ id: 'memory-peak', name: `peak RSS, ${MEMORY_LONG} iterations, absolute`, ...common, target: MEMORY_LIMIT_MB, judged: 'value' }),
  ];
}
