/**
 * Runs a synchronous block under a watchdog. A hang in a parser is a synchronous infinite loop,
 * which no test timeout can interrupt; node:vm's timeout terminates whatever JavaScript the
 * script runs, including the functions it calls, so a hang fails the test instead of the suite.
 */
import vm from 'node:vm';

export function withinTimeLimit<T>(ms: number, block: () => T): T {
  const context = vm.createContext({ block });
  try {
    return vm.runInContext('block()', context, { timeout: ms }) as T;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new Error(`did not finish within ${ms} ms: something hangs`);
    }
    throw error;
  }
}

/** Generated inputs per property: at least 10,000 in CI (FUZZ_RUNS raises it for a long soak). */
export const FUZZ_RUNS = Math.max(10_000, Number(process.env.FUZZ_RUNS ?? 0) || 0);

/** Budget of one fuzz block; generous, because CI machines are slow and shared. */
export const FUZZ_TIME_LIMIT_MS = 60_000;
