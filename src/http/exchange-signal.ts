/**
 * The signal one HTTP exchange runs under: the caller's signal (a cancel, or the caller's own
 * deadline) combined with the per-request deadline, and torn down as soon as the exchange ends.
 *
 * Not `AbortSignal.timeout()` + `AbortSignal.any()`: their timer stays alive for the whole timeout
 * (30 s by default) after the response, and they hold each other through WeakRefs, which a minor
 * GC treats as strong. A poll loop then promoted every request's objects to the old space, and
 * peak RSS grew with the number of iterations (bench/ figure 4).
 */
export interface ExchangeSignal {
  readonly signal: AbortSignal;
  /** The per-request deadline fired. */
  timedOut(): boolean;
  /** Clears the timer and detaches from the caller's signal; call once the exchange is over. */
  end(): void;
}

export function startExchangeSignal(timeoutMs: number, caller: AbortSignal | undefined): ExchangeSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // The reason AbortSignal.timeout() gives, so every consumer sees the same error as before.
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    end() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
