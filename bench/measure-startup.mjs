/**
 * Figures 1 and 2: `arazzo --version` and `arazzo lint <seed>` against `node -e 0`, each a whole
 * process. Baseline and subject alternate so that both see the same machine noise.
 */
import { makeFigure } from './lib/stats.mjs';
import { CLI, ROOT } from './lib/paths.mjs';
import { runNodeChecked } from './lib/spawn-timed.mjs';

export const LINT_TARGET_FILE = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';
const BASELINE = ['-e', '0'];

async function alternate(runs, subjectArgs) {
  const wall = { baseline: [], subject: [] };
  const cpu = { baseline: [], subject: [] };
  // One untimed round first: the page cache and the file system are warm for both.
  await runNodeChecked(BASELINE, { cwd: ROOT });
  await runNodeChecked(subjectArgs, { cwd: ROOT });
  for (let i = 0; i < runs; i++) {
    const base = await runNodeChecked(BASELINE, { cwd: ROOT });
    const subject = await runNodeChecked(subjectArgs, { cwd: ROOT });
    wall.baseline.push(base.ms);
    wall.subject.push(subject.ms);
    cpu.baseline.push(base.cpuMs);
    cpu.subject.push(subject.cpuMs);
  }
  return { samples: wall.subject, baselineSamples: wall.baseline, cpu: { samples: cpu.subject, baselineSamples: cpu.baseline } };
}

export async function measureStartup(runs) {
  const version = await alternate(runs, [CLI, '--version']);
  const lint = await alternate(runs, [CLI, 'lint', LINT_TARGET_FILE]);
  return [
    makeFigure({ id: 'startup-version', name: 'arazzo --version', unit: 'ms', ...version, baselineName: 'node -e 0', target: 1.5 }),
    makeFigure({ id: 'lint-seed', name: `arazzo lint ${LINT_TARGET_FILE.replace('workflows/', '')}`, unit: 'ms', ...lint, baselineName: 'node -e 0', target: 2.5 }),
  ];
}
