/**
 * Runs a seed workflow through the library API (loadPlan → runWorkflow) with the real undici port
 * and the system clock against the simulator, and keeps every RunEvent for assertions.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { RunEvent } from '../../../src/engine/events.js';
import type { RunResult } from '../../../src/engine/run-result.js';
import { runWorkflow, type RunOptions } from '../../../src/engine/run-workflow.js';
import { createUndiciHttpPort } from '../../../src/http/undici-http-port.js';
import { loadPlan, type LoadedPlan } from '../../../src/cli/load-plan.js';
import type { Plan } from '../../../src/plan/plan.js';
import { systemClock } from '../../../src/runtime/system-clock.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const SEEDS = {
  snapshot: { file: 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml', workflowId: 'build-and-activate-snapshot' },
  sandbox: { file: 'workflows/daytona-io-image-to-running-sandbox-workflow.yml', workflowId: 'image-to-running-sandbox' },
  oci: { file: 'workflows/oracle-create-custom-image-from-instance-workflow.yml', workflowId: 'create-custom-image-from-instance' },
} as const;

export type SeedName = keyof typeof SEEDS;

export const seedPath = (seed: SeedName): string => path.join(root, SEEDS[seed].file);

const plans = new Map<SeedName, Promise<LoadedPlan>>();

/** Loads (once per file) and checks that the seed compiles with no error diagnostics. */
export async function loadSeed(seed: SeedName): Promise<Plan> {
  let loading = plans.get(seed);
  if (!loading) {
    loading = loadPlan(seedPath(seed));
    plans.set(seed, loading);
  }
  const loaded = await loading;
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.plan;
}

export interface SeedRun {
  result: RunResult;
  events: RunEvent[];
}

export async function runSeed(
  seed: SeedName,
  inputs: Record<string, unknown>,
  options: Partial<Omit<RunOptions, 'http' | 'events'>> = {},
): Promise<SeedRun> {
  const plan = await loadSeed(seed);
  const http = createUndiciHttpPort();
  const events: RunEvent[] = [];
  try {
    const result = await runWorkflow(plan, SEEDS[seed].workflowId, inputs, {
      http,
      clock: systemClock,
      events: (event) => events.push(event),
      pollIntervalMs: 0,
      ...options,
    });
    return { result, events };
  } finally {
    await http.close();
  }
}

/** The step ids of the step-start events, in order: the path the run took. */
export const stepPath = (events: readonly RunEvent[]): string[] =>
  events.flatMap((event) => (event.type === 'step-start' ? [event.stepId] : []));
