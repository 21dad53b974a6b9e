/** A run's `--json` result against a scenario's `expect`: one line per difference, expected and actual. */
import { isDeepStrictEqual } from 'node:util';
import type { Scenario } from './read-scenario.js';

const show = (value: unknown): string => (value === undefined ? '(nothing)' : JSON.stringify(value));

/** One difference as every scenario report shows it: what, then the expected and the actual value. */
export const differenceLine = (what: string, expected: unknown, actual: unknown): string => `${what}\n      expected: ${show(expected)}\n      actual:   ${show(actual)}`;

export function compareResult(expect: Scenario['expect'], result: Record<string, unknown>): string[] {
  const differences: string[] = [];
  const differ = (what: string, expected: unknown, actual: unknown): void => {
    if (!isDeepStrictEqual(expected, actual)) differences.push(differenceLine(what, expected, actual));
  };
  if (expect.status !== undefined) differ('status', expect.status, result.status);
  const outputs = (result.outputs ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(expect.outputs ?? {})) differ(`outputs.${name}`, value, outputs[name]);
  if (expect.endedBy !== undefined) {
    const endedBy = (result.endedBy ?? undefined) as Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(expect.endedBy)) differ(`endedBy.${key}`, value, endedBy?.[key]);
  }
  if (expect.steps !== undefined) {
    const steps = Array.isArray(result.steps) ? (result.steps as Array<{ stepId?: string; status?: string }>) : [];
    differ('steps', expect.steps, steps.filter((s) => s.status !== 'skipped').map((s) => s.stepId));
  }
  return differences;
}
