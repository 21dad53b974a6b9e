/**
 * Figure 5: wall time of the three seed workflows against the simulator with --poll-interval 0,
 * each a real CLI process as in `npm run demo`. Baseline: three `node -e 0` processes, the floor
 * for three CLI runs. Reported, no target.
 */
import { makeFigure } from './lib/stats.mjs';
import { loadSimulatorModule } from './lib/load-simulator.mjs';
import { CLI, ROOT } from './lib/paths.mjs';
import { runNodeChecked } from './lib/spawn-timed.mjs';

function demoRuns(simulator, names) {
  const { DEFAULT_API_TOKEN, COMPARTMENT_ID, STOPPED_INSTANCE_ID } = names;
  const url = simulator.url;
  return [
    ['workflows/daytona-io-build-and-activate-snapshot-workflow.yml', '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', 'name=bench-inactive-snapshot', '--input', 'imageName=ubuntu:22.04', '--input', 'cpu=2', '--server', `snapshotsApi=${url}`],
    ['workflows/daytona-io-image-to-running-sandbox-workflow.yml', '--input', `apiToken=${DEFAULT_API_TOKEN}`, '--input', 'snapshotName=bench-python', '--input', 'imageName=python:3.12-slim', '--server', `snapshotsApi=${url}`, '--server', `sandboxApi=${url}`],
    ['workflows/oracle-create-custom-image-from-instance-workflow.yml', '--input', `compartmentId=${COMPARTMENT_ID}`, '--input', `instanceId=${STOPPED_INSTANCE_ID}`, '--input', 'displayName=bench-custom-image', '--server', `ociComputeApi=${url}`],
  ];
}

async function timeThree(argsList) {
  const total = { ms: 0, cpuMs: 0 };
  for (const args of argsList) {
    const run = await runNodeChecked(args, { cwd: ROOT });
    total.ms += run.ms;
    total.cpuMs += run.cpuMs;
  }
  return total;
}

export async function measureDemo(repetitions) {
  const module = await loadSimulatorModule();
  const simulator = await module.startSimulator();
  try {
    const seeds = demoRuns(simulator, module).map((args) => [CLI, 'run', ...args, '--poll-interval', '0', '--json', '--no-color']);
    const nodes = seeds.map(() => ['-e', '0']);
    const wall = { samples: [], baselineSamples: [] };
    const cpu = { samples: [], baselineSamples: [] };
    let requests = 0;
    for (let i = 0; i <= repetitions; i++) {
      simulator.reset();
      const seedRuns = await timeThree(seeds);
      requests = simulator.requests.length;
      const floor = await timeThree(nodes);
      // The first round only warms the page cache.
      if (i === 0) continue;
      wall.samples.push(seedRuns.ms);
      wall.baselineSamples.push(floor.ms);
      cpu.samples.push(seedRuns.cpuMs);
      cpu.baselineSamples.push(floor.cpuMs);
    }
    return makeFigure({
      id: 'demo-seeds',
      name: 'demo: 3 seed workflows vs simulator, --poll-interval 0',
      unit: 'ms',
      ...wall,
      cpu,
      baselineName: '3 × node -e 0',
      target: null,
      extra: { requestsPerRound: requests },
    });
  } finally {
    await simulator.close();
  }
}
