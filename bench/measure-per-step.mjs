/** Figure 3: per-step overhead of the interpreter against a bare undici loop (see per-step-child.mjs). */
import { makeFigure } from './lib/stats.mjs';
import { benchFile } from './lib/paths.mjs';
import { runNodeChecked } from './lib/spawn-timed.mjs';

export const PER_STEP_ITERATIONS = 1000;

export async function measurePerStep(server, repetitions) {
  const { stdout } = await runNodeChecked([benchFile('per-step-child.mjs'), server.url, String(PER_STEP_ITERATIONS), String(repetitions)]);
  const result = JSON.parse(stdout.trim().split('\n').pop());
  const figure = makeFigure({
    id: 'per-step-overhead',
    name: `poll workflow, ${PER_STEP_ITERATIONS} iterations (library API)`,
    unit: 'ms',
    samples: result.workflowMs,
    baselineSamples: result.bareMs,
    baselineName: `bare undici loop, ${PER_STEP_ITERATIONS} requests`,
    target: 1.5,
    cpu: { samples: result.workflowCpuMs, baselineSamples: result.bareCpuMs },
  });
  figure.perStepMicroseconds = { workflow: (figure.median * 1000) / PER_STEP_ITERATIONS, bare: (figure.baseline * 1000) / PER_STEP_ITERATIONS };
  return figure;
}
