/**
 * Runs a workflow of a fixture through the library path the CLI uses (loadPlan → runWorkflow)
 * with the real undici port against a loopback server. The clock is a stepping clock: sleeps
 * return at once and advance `now`, so waits are asserted on the `wait` events' ms, not timed.
 */
import { afterEach } from 'vitest';
import type { RunEvent } from '../../../src/engine/events.js';
import type { Clock } from '../../../src/engine/ports.js';
import type { RunResult } from '../../../src/engine/run-result.js';
import { runWorkflow, type RunOptions } from '../../../src/engine/run-workflow.js';
import { createUndiciHttpPort, type UndiciHttpPortOptions } from '../../../src/http/undici-http-port.js';
import { loadPlan } from '../../../src/cli/load-plan.js';

import { createSteppingClock } from '../../support/stepping-clock.js';

export { CLOCK_START, createSteppingClock, type SteppingClock } from '../../support/stepping-clock.js';

export interface FixtureRun {
  result: RunResult;
  events: RunEvent[];
}

export interface FixtureOptions {
  /** Base URL that replaces the `api` source's server. */
  server: string;
  inputs?: Record<string, unknown>;
  clock?: Clock;
  port?: UndiciHttpPortOptions;
  run?: Partial<Omit<RunOptions, 'http' | 'clock' | 'events'>>;
  /** Called for every event before it is recorded (a test can make it throw). */
  onEvent?: (event: RunEvent) => void;
}

const ports: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(ports.splice(0).map((port) => port.close()));
});

export async function runFixture(file: string, workflowId: string, options: FixtureOptions): Promise<FixtureRun> {
  const loaded = await loadPlan(file);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture ${file} has errors: ${errors.map((d) => `${d.code} ${d.pointer ?? ''}`).join(', ')}`);
  const http = createUndiciHttpPort(options.port);
  ports.push(http);
  const events: RunEvent[] = [];
  const result = await runWorkflow(loaded.plan, workflowId, options.inputs ?? {}, {
    http,
    clock: options.clock ?? createSteppingClock(),
    events: (event) => {
      options.onEvent?.(event);
      events.push(event);
    },
    pollIntervalMs: 0,
    servers: { api: options.server },
    ...options.run,
  });
  return { result, events };
}

export const waits = (events: readonly RunEvent[]): Array<{ ms: number; reason: string }> =>
  events.flatMap((e) => (e.type === 'wait' ? [{ ms: e.ms, reason: e.reason }] : []));
