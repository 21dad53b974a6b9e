/**
 * Figure 5 (issue 11): the CLI's 1,000-iteration poll with `--state-file` against the same run
 * without it, alternating, one child process per run. With a state file every iteration writes
 * the run down (write, fsync, rename) before its request is sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFigure } from './lib/stats.mjs';
import { benchFile, CLI, ROOT } from './lib/paths.mjs';
import { runNodeChecked } from './lib/spawn-timed.mjs';

const ITERATIONS = 1000;

async function pollRun(server, stateFile) {
  await server.arm(ITERATIONS);
  const args = [
    CLI, 'run', benchFile('fixtures/poll-workflow.yml'),
    '--input', 'apiToken=bench-token', '--input', 'jobId=job-1',
    '--server', `pollApi=${server.url}`,
    '--poll-interval', '0', '--max-steps', String(ITERATIONS + 10), '--json', '--no-color',
    ...(stateFile ? ['--state-file', stateFile] : []),
  ];
  const run = await runNodeChecked(args, { cwd: ROOT });
  const result = JSON.parse(run.stdout);
  if (result.status !== 'succeeded' || result.steps?.[0]?.executions !== ITERATIONS) throw new Error(`state-file run: ${result.status}`);
  return run;
}

export async function measureStateFile(server, repetitions) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-bench-state-'));
  const withFile = { ms: [], cpu: [] };
  const without = { ms: [], cpu: [] };
  try {
    for (let i = 0; i < repetitions; i++) {
      const plain = await pollRun(server);
      without.ms.push(plain.ms);
      without.cpu.push(plain.cpuMs);
      const saved = await pollRun(server, path.join(dir, `run-${i}.json`));
      withFile.ms.push(saved.ms);
      withFile.cpu.push(saved.cpuMs);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return makeFigure({
    id: 'state-file',
    name: `${ITERATIONS}-iteration poll with --state-file (CLI run, ${os.tmpdir()})`,
    unit: 'ms',
    samples: withFile.ms,
    baselineSamples: without.ms,
    baselineName: 'the same run without --state-file',
    target: 2,
    cpu: { samples: withFile.cpu, baselineSamples: without.cpu },
  });
}
