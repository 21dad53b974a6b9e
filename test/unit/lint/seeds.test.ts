// Issue 4 Severities: "The three seed workflows lint with no errors"; what they do get are the
// warnings the issue names (Authorization as a header parameter, bare expressions in strings,
// seed-style JSONPath comparisons) and outputs of steps an end action can skip.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/cli/load-plan.js';

const WORKFLOWS = path.resolve(__dirname, '../../../workflows');

const SEEDS: Record<string, string[]> = {
  'daytona-io-build-and-activate-snapshot-workflow.yml': ['criterion-jsonpath-comparison', 'expression-bare-in-string', 'output-step-may-be-skipped', 'parameter-not-declared'],
  'daytona-io-image-to-running-sandbox-workflow.yml': ['criterion-jsonpath-comparison', 'expression-bare-in-string', 'operation-id-unqualified', 'output-step-may-be-skipped', 'parameter-not-declared'],
  'oracle-create-custom-image-from-instance-workflow.yml': ['criterion-jsonpath-comparison', 'output-step-may-be-skipped', 'parameter-not-declared'],
};

describe('issue 4: the seeds lint with no errors', () => {
  for (const [seed, warnings] of Object.entries(SEEDS)) {
    it(`${seed}: no errors; warnings ${warnings.join(', ')}`, async () => {
      const { diagnostics } = await loadPlan(path.join(WORKFLOWS, seed));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect([...new Set(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code))].sort()).toEqual(warnings);
    });
  }

  it('seed 000: the state output reads activateSnapshot, which the alreadyActive end skips', async () => {
    const { diagnostics } = await loadPlan(path.join(WORKFLOWS, 'daytona-io-build-and-activate-snapshot-workflow.yml'));
    expect(diagnostics.filter((d) => d.code === 'output-step-may-be-skipped').map((d) => [d.pointer, d.line])).toEqual([['/workflows/0/outputs/state', 130]]);
  });
});
