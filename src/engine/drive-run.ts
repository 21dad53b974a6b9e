/**
 * The one driver: performs advance's effects through the ports (HttpPort, Clock) and calls
 * advance again, until the run is done. Every host — the CLI, a resumed run, a library user —
 * runs through this loop or an equivalent of its own.
 */
import type { Plan } from '../plan/plan.js';
import { advance } from './advance.js';
import type { Advanced, Reply } from './effects.js';
import { createRunEnv, type RunEnv, type RunOptions } from './run-env.js';
import type { RunResult } from './run-result.js';
import type { RunState } from './run-state.js';
import { sendAuthorized } from './send-authorized.js';
import type { MessageEffect } from './effects.js';
import { matcherFor, type MessageOutcome } from './message-step.js';

async function performMessage(options: RunOptions, effect: MessageEffect): Promise<MessageOutcome> {
  const broker = options.broker;
  if (!broker) return { kind: 'failure', message: 'no broker port: this host cannot run AsyncAPI steps' };
  if (effect.channel.action === 'send') {
    const sent = await broker.send(effect.channel, effect.address, effect.message, options.signal);
    return sent.ok ? { kind: 'sent' } : { kind: 'failure', message: sent.message };
  }
  return broker.receive(effect.channel, effect.address, matcherFor(effect), effect.timeoutMs, options.signal);
}

export interface DriveHooks {
  /**
   * Hears every state advance returns: after each transition and before each request is sent,
   * so a host can write it down (arazzo run --state-file). An error here stops the drive.
   */
  onState?: (state: RunState) => void | Promise<void>;
  /**
   * Asked before each wait: true hands the run back instead of sleeping (a queue worker turns a
   * poll interval into a delayed job, so the wait holds no worker slot). The state returned then
   * says to wait until `until`; resuming it waits out whatever is left.
   */
  park?: (wait: { until: number; ms: number }) => boolean;
}

/** How a drive stopped: the run ended, or a park hook took a wait. */
export type Driven = { result: RunResult; state: RunState } | { parkedUntil: number; state: RunState };

export async function driveRun(plan: Plan, state: RunState, options: RunOptions, hooks: DriveHooks = {}): Promise<Driven> {
  const env = createRunEnv(options);
  const detached = new Detached(options);
  try {
    return await drive(plan, state, options, env, hooks, detached);
  } finally {
    detached.stop();
  }
}

/**
 * Messages of non-blocking steps (Arazzo 1.1.0 §Step Dependencies), under the keys advance gave
 * them, until a join takes their outcome; the ones never joined are stopped when the drive ends.
 */
class Detached {
  private readonly pending = new Map<string, Promise<Reply>>();
  private readonly stopped = new AbortController();
  constructor(private readonly options: RunOptions) {}

  get size(): number {
    return this.pending.size;
  }

  start(effect: MessageEffect & { detach: string }): void {
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, this.stopped.signal]) : this.stopped.signal;
    const started = effect.startAfterMs ? this.options.clock.sleep(effect.startAfterMs, signal) : Promise.resolve();
    const outcome = started.then(() => performMessage({ ...this.options, signal }, effect)).then(
      (done): Reply => ({ kind: 'message', effect, outcome: done }),
      (error: unknown): Reply => ({ kind: 'error', error }),
    );
    this.pending.set(effect.detach, outcome);
  }

  /** The first of `keys` to end; a key this drive never started (a resumed run) is lost. */
  async join(keys: readonly string[]): Promise<Reply> {
    const lost = keys.find((key) => !this.pending.has(key));
    if (lost !== undefined) return { kind: 'lost', key: lost };
    const first = await Promise.race(keys.map((key) => this.pending.get(key)!.then((reply) => ({ key, reply }))));
    this.pending.delete(first.key);
    return first.reply;
  }

  stop(): void {
    if (this.pending.size > 0) this.stopped.abort();
  }
}

async function drive(plan: Plan, state: RunState, options: RunOptions, env: RunEnv, hooks: DriveHooks, detached: Detached): Promise<Driven> {
  let step: Advanced<RunState> = advance(plan, state, env);
  for (;;) {
    await hooks.onState?.(step.state);
    const { effect } = step;
    if (effect.kind === 'done') return { result: effect.result, state: step.state };
    if (effect.kind === 'message' && effect.detach !== undefined) {
      detached.start({ ...effect, detach: effect.detach });
      step = advance(plan, step.state, env);
      continue;
    }
    let reply: Reply;
    try {
      // The run was stopped while its state was being written (a worker that lost its job): not sent.
      if (effect.kind === 'send' && options.signal?.aborted) reply = { kind: 'not-sent', reason: 'the run was stopped before this request was sent', stopped: true };
      else if (effect.kind === 'send') {
        const { workflowId, stepId } = step.state.inFlight!;
        const done = await sendAuthorized(options, effect, {
          ...(options.signal ? { signal: options.signal } : {}),
          timeoutMs: effect.timeoutMs,
          maxResponseBytes: effect.maxResponseBytes,
        }, (request) => {
          if (env.listening) env.emit({ type: 'request', workflowId, stepId, request });
        });
        if (!done.sent) reply = { kind: 'not-sent', reason: done.reason };
        else {
          // Response checks load ajv lazily: async, so they are the driver's work; advance judges the findings.
          const checks = options.responseChecks;
          const findings = checks && effect.responses && done.outcome.kind === 'response' ? await checks.check(effect.responses, done.outcome.response) : undefined;
          reply = { kind: 'response', sent: { ...effect, request: done.request }, outcome: done.outcome, ...(findings ? { findings } : {}) };
        }
      } else if (effect.kind === 'message') {
        reply = { kind: 'message', effect, outcome: await performMessage(options, effect) };
      } else if (effect.kind === 'join') {
        reply = await detached.join(effect.keys);
      } else {
        // A run with messages under way keeps its slot: parking would lose them.
        if (detached.size === 0 && hooks.park?.(effect)) return { parkedUntil: effect.until, state: step.state };
        await options.clock.sleep(effect.ms, options.signal);
        reply = { kind: 'woke' };
      }
    } catch (error) {
      reply = { kind: 'error', error };
    }
    step = advance(plan, step.state, env, reply);
  }
}
