/** Wording shared by the plain and the live terminal reporters. */
import type { RunResult } from '../engine/run-result.js';
import { failingStep, runFailureText } from './describe-failure.js';
import { responseText } from './response-excerpt.js';
import type { TextStyle } from './style-text.js';

const STATE_KEYS = ['state', 'status', 'lifecycleState', 'phase'];

/** The "state" a step saw, from its outputs (state, status, lifecycleState, phase). */
export function stateOf(outputs: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of STATE_KEYS) {
    const value = outputs[key];
    if (Object.hasOwn(outputs, key) && (typeof value === 'string' || typeof value === 'number')) return String(value);
  }
  return undefined;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

/** Elapsed time as a clock: 0:07, 1:21, 1:02:03. */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The closing lines: the outcome, why it failed and what the server said. */
export function summaryLines(result: RunResult, style: TextStyle, interruptedBy?: string, verbose = false): string[] {
  const outcome = interruptedBy ? style.yellow(`interrupted (${interruptedBy})`) : result.status === 'succeeded' ? style.green('succeeded') : style.red('failed');
  const ended = result.endedBy ? ` (ended by ${result.endedBy.stepId} → ${result.endedBy.action})` : '';
  const transferred = result.transferredTo ? ` (transferred to workflow ${result.transferredTo})` : '';
  const lines = [`${style.bold(result.workflowId)} ${outcome}${ended}${transferred} in ${formatMs(result.durationMs)}`];
  if (result.status !== 'failed') return lines;
  // A transport failure's reason (an unreachable server) is already on the step's line.
  const unanswered = result.error?.code === 'request-failed' && result.error.stepId !== undefined && !interruptedBy;
  const why = unanswered ? `step ${result.error!.stepId} got no response (the reason is on its line above)` : runFailureText(result, interruptedBy);
  lines.push(`  ${style.red(`${result.error?.code ?? 'failed'}: ${why}`)}`);
  const response = failingStep(result)?.response;
  if (response) lines.push(`  ${style.dim('response')} ${responseText(response)}`);
  if (response && !verbose) lines.push(`  ${style.dim('(run again with --verbose to see the whole request and response)')}`);
  return lines;
}
