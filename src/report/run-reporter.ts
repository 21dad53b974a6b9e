/** What a terminal reporter of a run offers: the plain one (logs, CI, pipes) and the live one (TTY). */
import type { RunEvent } from '../engine/events.js';
import type { RunResult } from '../engine/run-result.js';
import type { Redactor } from './redact.js';
import type { TextStyle } from './style-text.js';

export interface RunReporter {
  onEvent(event: RunEvent): void;
  /** A message outside the event stream, e.g. "stopping after the request in flight". */
  notice(text: string): void;
  finish(result: RunResult, interruptedBy?: string): void;
  /** Stops timers; safe to call twice. */
  dispose(): void;
}

export interface ReporterOptions {
  write(text: string): void;
  style: TextStyle;
  redactor: Redactor;
  verbose: boolean;
}

/** Several reporters on one run, e.g. the progress lines and the `--log-level` records beside them. */
export function combineReporters(reporters: readonly RunReporter[]): RunReporter {
  return {
    onEvent: (event) => reporters.forEach((r) => r.onEvent(event)),
    notice: (text) => reporters.forEach((r) => r.notice(text)),
    finish: (result, interruptedBy) => reporters.forEach((r) => r.finish(result, interruptedBy)),
    dispose: () => reporters.forEach((r) => r.dispose()),
  };
}
