/** Plain RunResult values for the report tests. */
import type { RunResult, StepRecord } from '../../../src/engine/run-result.js';

export const step = (stepId: string, extra: Partial<StepRecord> = {}): StepRecord => ({
  workflowId: 'build',
  stepId,
  status: 'succeeded',
  executions: 1,
  attempts: 1,
  lastStatusCode: 200,
  outputs: {},
  durationMs: 120,
  ...extra,
});

export const succeeded: RunResult = {
  workflowId: 'build',
  status: 'succeeded',
  outputs: { id: 'snap-1' },
  endedBy: null,
  steps: [step('create'), step('poll', { executions: 7, attempts: 7, durationMs: 2100 })],
  warnings: [],
  durationMs: 2300,
};

export const failedOnCriterion: RunResult = {
  workflowId: 'build',
  status: 'failed',
  outputs: {},
  endedBy: null,
  steps: [
    step('create', { status: 'failed', lastStatusCode: 401, reason: 'criterion "$statusCode == 200" did not pass', request: { method: 'POST', url: 'http://api.test/snapshots' } }),
    step('poll', { status: 'skipped', executions: 0, attempts: 0, lastStatusCode: undefined, durationMs: 0 }),
  ],
  error: { code: 'step-failed', message: 'step create failed: criterion "$statusCode == 200" did not pass', workflowId: 'build', stepId: 'create' },
  warnings: [],
  durationMs: 150,
};
