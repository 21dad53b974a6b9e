/**
 * Figures 1 and 2: `arazzo --version` and `arazzo lint <seed>` against `node -e 0`, each a whole
 * process. Baseline and subject alternate so that both see the same machine noise.
 */
import { makeFigure } from './lib/stats.mjs';
import { CLI, ROOT } from './lib/paths.mjs';
import { runChecked } from './lib/spawn-timed.mjs';

export const LINT_TARGET_FILE = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';

async function alternate(runs, subjectArgs, expectCode = 0) {
  const baseline = [];
  const subject = [];
  // One untimed round first: the page cache and the file system are warm for both.
  await runChecked(process.execPath, ['-e', '0']);
  await runChecked(process.execPath, subjectArgs, { cwd: ROOT, expectCode });
  for (let i = 0; i < runs; i++) {
    baseline.push((await runChecked(process.execPath, ['-e', '0'], { cwd: ROOT })).ms);
    subject.push((await runChecked(process.execPath, subjectArgs, { cwd: ROOT, expectCode })).ms);
  }
  return { baseline, subject };
}

export async function measureStartup(runs) {
  const version = await alternate(runs, [CLI, '--version']);
  const lint = await alternate(runs, [CLI, 'lint', LINT_TARGET_FILE]);
  return [
    makeFigure({ id: 'startup-version', name: 'arazzo --version', unit: 'ms', samples: version.subject, baselineSamples: version.baseline, baselineName: 'node -e 0', target: 1.5 }),
    makeFigure({ id: 'lint-seed', name: `arazzo lint ${LINT_TARGET_FILE.replace('workflows/', '')}`, unit: 'ms', samples: lint.subject, baselineSamples: lint.baseline, baselineName: 'node -e 0', target: 2.5 }),
  ];
}
