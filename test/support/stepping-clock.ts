/**
 * A Clock for run-path tests: time moves only when the run sleeps, and every sleep is recorded,
 * so poll and retry waits are asserted on their milliseconds instead of being timed.
 */
import type { Clock } from '../../src/engine/ports.js';

/** A whole second, so HTTP-dates (1 s resolution) convert to exact milliseconds. */
export const CLOCK_START = Date.UTC(2030, 0, 1, 12, 0, 0);

export interface SteppingClock extends Clock {
  /** Every sleep asked for, in order. */
  readonly sleeps: number[];
}

export function createSteppingClock(start = CLOCK_START): SteppingClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}
