/**
 * The signal one HTTP exchange runs under: the caller's signal (a cancel, or the caller's own
 * deadline) combined with the per-request deadline, and detached as soon as the exchange ends.
 *
 * Not `AbortSignal.timeout()` + `AbortSignal.any()`: their timer stays alive for the whole timeout
 * (30 s by default) after the response, and they hold each other through WeakRefs, which a minor
 * GC treats as strong. A poll loop then promoted every request's objects to the old space, and
 * peak RSS grew with the number of iterations (bench/ figure 4).
 *
 * A poll loop sends thousands of requests, so the per-request cost counts (bench/ figure 3):
 * - Deadlines share one timer per port instead of arming and clearing one per request: the timer
 *   is armed for the earliest deadline in flight, and when it fires it aborts the exchanges that
 *   are due and re-arms for the next. It never holds a finished exchange, and it is unref'd: an
 *   idle port keeps no process alive.
 * Each exchange gets its own AbortController (issue 11: handing a spare one to the next exchange
 * only won a benchmark, and tied an exchange's signal to the one before it).
 */
export interface ExchangeSignal {
  readonly signal: AbortSignal;
  /** The per-request deadline fired. */
  timedOut(): boolean;
  /** Detaches from the deadline timer and the caller's signal; call once the exchange is over. */
  end(): void;
}

export interface ExchangeSignals {
  start(timeoutMs: number, caller: AbortSignal | undefined): ExchangeSignal;
  /** Clears the shared timer (the port is closing). */
  close(): void;
}

interface Exchange {
  controller: AbortController;
  deadline: number;
  timedOut: boolean;
}

/** The reason AbortSignal.timeout() gives, so every consumer sees the same error as before. */
const timeoutReason = (): DOMException => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

export function createExchangeSignals(now: () => number = () => performance.now()): ExchangeSignals {
  const inFlight = new Set<Exchange>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor = Number.POSITIVE_INFINITY;

  const arm = (deadline: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    armedFor = deadline;
    timer = setTimeout(fire, Math.max(1, Math.ceil(deadline - now())));
    timer.unref();
  };
  function fire(): void {
    timer = undefined;
    armedFor = Number.POSITIVE_INFINITY;
    const at = now();
    let next = Number.POSITIVE_INFINITY;
    for (const exchange of inFlight) {
      if (exchange.deadline <= at) {
        exchange.timedOut = true;
        inFlight.delete(exchange);
        exchange.controller.abort(timeoutReason());
      } else {
        next = Math.min(next, exchange.deadline);
      }
    }
    if (next < Number.POSITIVE_INFINITY) arm(next);
  }

  return {
    start(timeoutMs, caller) {
      const controller = new AbortController();
      const exchange: Exchange = { controller, deadline: now() + timeoutMs, timedOut: false };
      inFlight.add(exchange);
      // An earlier timer fires, sees this deadline is not due and re-arms for it.
      if (exchange.deadline < armedFor) arm(exchange.deadline);
      const onCallerAbort = caller === undefined ? undefined : (): void => exchange.controller.abort(caller.reason);
      if (onCallerAbort) caller?.addEventListener('abort', onCallerAbort, { once: true });
      return {
        signal: exchange.controller.signal,
        timedOut: () => exchange.timedOut,
        end() {
          inFlight.delete(exchange);
          if (onCallerAbort) caller?.removeEventListener('abort', onCallerAbort);
        },
      };
    },
    close() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      armedFor = Number.POSITIVE_INFINITY;
    },
  };
}
