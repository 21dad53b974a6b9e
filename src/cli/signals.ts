/**
 * SIGINT/SIGTERM during a run. The first signal stops the run after the request in flight (the
 * engine checks it before each step and wakes from poll waits); the second cancels that request;
 * the third quits at once. The partial result and the reports are written in the first two cases.
 */
import { EXIT } from './exit-codes.js';

export type StopSignalName = 'SIGINT' | 'SIGTERM';

export interface StopSignals {
  /** Aborts on the first signal: the run stops before its next step. */
  graceful: AbortSignal;
  /** Aborts on the second signal: the request in flight is cancelled. */
  hard: AbortSignal;
  received(): StopSignalName | undefined;
  dispose(): void;
}

export const exitCodeFor = (name: StopSignalName): number => (name === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);

/**
 * `external` stands in for a SIGINT when the CLI runs in-process (tests, embedding); it never
 * installs process handlers in that case.
 */
export function listenForStopSignals(notice: (text: string) => void, external?: AbortSignal): StopSignals {
  const graceful = new AbortController();
  const hard = new AbortController();
  let first: StopSignalName | undefined;
  let count = 0;
  const onSignal = (name: StopSignalName): void => {
    count++;
    first ??= name;
    if (count === 1) {
      notice(`${name} received: stopping after the request in flight (send it again to cancel that request)`);
      graceful.abort(new Error(name));
    } else if (count === 2) {
      notice(`${name} received again: cancelling the request in flight`);
      hard.abort(new Error(name));
    } else {
      process.exit(exitCodeFor(first));
    }
  };
  const onInt = (): void => onSignal('SIGINT');
  const onTerm = (): void => onSignal('SIGTERM');
  const onExternal = (): void => onSignal('SIGINT');
  if (external) {
    if (external.aborted) onExternal();
    else external.addEventListener('abort', onExternal, { once: true });
  } else {
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  }
  return {
    graceful: graceful.signal,
    hard: hard.signal,
    received: () => first,
    dispose: () => {
      external?.removeEventListener('abort', onExternal);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
