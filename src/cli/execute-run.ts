/**
 * The run itself: reporters on the event stream, stop signals, the HTTP port, then publishing the
 * result — also a partial one after SIGINT/SIGTERM.
 */
import { driveRun } from '../engine/drive-run.js';
import type { RunEvent } from '../engine/events.js';
import { startRun } from '../engine/run-workflow.js';
import type { RunResult } from '../engine/run-result.js';
import type { RunState } from '../engine/run-state.js';
import type { BrokerPort, HttpPort } from '../engine/ports.js';
import { createUndiciHttpPort } from '../http/undici-http-port.js';
import { createTokenPort } from '../http/oauth-token-port.js';
import { createDispatcher } from '../http/create-dispatcher.js';
import type { Transport } from './transport-options.js';
import type { RequestSigner } from '../http/request-signer.js';
import { createResponseChecker } from '../checks/check-response.js';
import type { ExplicitCredentials } from '../auth/credential.js';
import type { LoadedPlan } from '../load/load-plan.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { createHumanReporter } from '../report/human-run-reporter.js';
import { createSecretLearner } from '../report/learn-run-secrets.js';
import { createLiveProgressReporter } from '../report/live-progress-reporter.js';
import type { Redactor } from '../report/redact.js';
import { createRunJournal, type JournalSnapshot, type RunJournal } from '../report/run-journal.js';
import { createRunLogger } from '../report/run-logger.js';
import { withResponseExcerpts } from '../report/response-excerpt.js';
import { combineReporters, type RunReporter } from '../report/run-reporter.js';
import type { TextStyle } from '../report/style-text.js';
import { chooseProgressMode } from '../report/detect-terminal.js';
import { systemClock } from '../runtime/system-clock.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { applyFailOnEnd } from './fail-on-end.js';
import { interruptOnlyOn } from './interruptible-http-port.js';
import { createStepLocator } from './locate-step.js';
import { publishRun } from './publish-run.js';
import type { RunFlags, RunSettings } from './run-flags.js';
import { exitCodeFor, listenForStopSignals } from './signals.js';
import { stateFileText, writeStateFile, type StateFile } from './state-file.js';
import { hideSecrets, type SecretValues } from './state-secrets.js';
import { createJournalEncoder } from './journal-json.js';
import type { AsyncChannel } from '../plan/async-channel.js';

export interface ExecuteContext {
  io: CliIo;
  file: string;
  loaded: LoadedPlan;
  workflow: WorkflowPlan;
  inputs: Record<string, unknown>;
  flags: RunFlags;
  settings: RunSettings;
  redactor: Redactor;
  style: TextStyle;
  /** --auth / ARAZZO_AUTH_* (auth-options.ts). */
  credentials?: ExplicitCredentials;
  /** Proxies, mTLS and CAs (transport-options.ts); a plain agent when absent. */
  transport?: Transport;
  /** --sign: request signers per source (sign-options.ts). */
  signers?: ReadonlyMap<string, RequestSigner>;
  /** --state-file: where to write the run down, what the file says besides the state, and which secrets to leave out. */
  stateFile?: { path: string; header: StateFileHeader; secrets: SecretValues };
  /** The channel of every AsyncAPI step the run may reach, resolved once by the command (async-steps.ts). */
  channels: ReadonlyMap<string, AsyncChannel>;
  /** arazzo resume: the state and journal to continue from. */
  resume?: { state: RunState; journal: JournalSnapshot };
}

export type StateFileHeader = Omit<StateFile, 'state' | 'journal' | 'savedAt' | 'secretsMasked'>;

export async function executeRun(context: ExecuteContext): Promise<number> {
  const { io, settings, redactor } = context;
  const journal = createRunJournal({
    keepExchanges: settings.reports.har !== undefined || settings.reports.scenario !== undefined,
    keepFullTimeline: settings.reports.json !== undefined,
    ...(context.resume ? { restore: context.resume.journal } : {}),
  });
  const reporter = await createReporter(context);
  const stop = listenForStopSignals((text) => reporter.notice(text), io.signal);
  const { transport } = context;
  const http = createUndiciHttpPort({
    rejectUnauthorized: !settings.insecure,
    ...(context.signers && context.signers.size > 0 ? { signers: context.signers } : {}),
    ...(transport
      ? { dispatchers: { default: createDispatcher(transport.requests), bySource: new Map([...transport.bySource].map(([name, options]) => [name, createDispatcher(options)])) } }
      : {}),
  });
  const learnSecrets = createSecretLearner(context.loaded.plan, redactor, context.inputs);
  // AsyncAPI steps (Arazzo 1.1): their channels, and a broker client only when there are some.
  const { channels } = context;
  let broker: BrokerPort | undefined;
  try {
    broker = channels.size > 0 ? await (await import('../brokers/create-broker.js')).createBroker([...channels.values()]) : undefined;
  } catch (error) {
    io.stderr.write(`error: ${redactor.text(`cannot subscribe to the run's channels on ${[...new Set([...channels.values()].map((c) => c.serverUrl))].join(', ')}: ${(error as Error).message}`)}\n  hint: check that the broker is up (--server <source>=mqtt://host:port points a source at another one); nothing was sent\n`);
    reporter.dispose();
    await http.close();
    stop.dispose();
    return EXIT.failed;
  }
  const sent = { count: 0 };
  const onEvent = (event: RunEvent): void => {
    if (event.type === 'request') sent.count++;
    learnSecrets(event);
    journal.onEvent(event);
    reporter.onEvent(event);
  };
  try {
    let result: RunResult;
    try {
      const plan = context.loaded.plan;
      const state = context.resume?.state ?? startRun(plan, context.workflow.workflowId, context.inputs, { clock: systemClock, ...(settings.limits.timeoutMs !== undefined ? { timeoutMs: settings.limits.timeoutMs } : {}) });
      const save = context.stateFile ? saveState(context.stateFile, journal, redactor, io.host?.checkpoint) : undefined;
      const driven = await driveRun(plan, state, {
        http: throttled(interruptOnlyOn(http, stop.hard), io.host?.beforeRequest),
        clock: systemClock,
        events: onEvent,
        ...settings.limits,
        servers: settings.servers,
        serverVariables: settings.serverVariables,
        signal: stop.graceful,
        ...(context.credentials ? { credentials: context.credentials } : {}),
        tokens: createTokenPort({ dispatcher: http.dispatcher }),
        learnSecret: (value) => redactor.learn(value),
        ...(context.signers && context.signers.size > 0 ? { signedSources: new Set(context.signers.keys()) } : {}),
        ...(settings.responseChecks !== 'off' ? { responseChecks: { mode: settings.responseChecks, check: createResponseChecker() } } : {}),
        // The run still ends with a result (internal-error); the stack is for --verbose only.
        onInternalError: (error) => {
          if (context.flags.verbose && error instanceof Error && error.stack) io.stderr.write(`${redactor.text(error.stack)}\n`);
        },
        ...(context.flags.resendInFlight ? { resendInFlight: true } : {}),
        ...(broker ? { broker, asyncChannels: channels } : {}),
      }, { ...(save ? { onState: save } : {}), ...(io.host?.park ? { park: io.host.park } : {}) });
      // Handed back to the host (a delayed job): the run goes on elsewhere, so nothing is reported.
      if (!('result' in driven)) return EXIT.ok;
      result = driven.result;
    } catch (error) {
      if (error instanceof StateFileError) {
        io.stderr.write(`error: ${redactor.text(error.message)}\n  hint: check that the directory exists and is writable; the run stopped there\n`);
        return sent.count === 0 ? EXIT.invalid : EXIT.failed;
      }
      // An internal error is printed by main; its message may quote request data.
      throw new Error(redactor.text(error instanceof Error ? error.message : String(error)), { cause: error });
    } finally {
      reporter.dispose();
      await http.close();
      await broker?.close();
    }
    result = withResponseExcerpts(applyFailOnEnd(markCancelledRequest(result, stop.hard), settings.failOnEnd), journal.failedResponses, redactor);
    const interruptedBy = result.error?.code === 'aborted' ? stop.received() : undefined;
    reporter.finish(result, interruptedBy);
    const written = await publishRun({
      io,
      file: context.file,
      result,
      journal,
      redactor,
      reports: settings.reports,
      json: context.flags.json === true,
      locate: createStepLocator(context.loaded),
      workspace: context.loaded.workspace,
      drawn: { plan: context.loaded.plan, workflow: context.workflow },
      recorded: { workflowId: context.workflow.workflowId, inputs: context.inputs },
      ...(interruptedBy ? { interruptedBy } : {}),
      ...(context.stateFile && context.stateFile.header.resumedAt.length > 0 ? { resumedAt: context.stateFile.header.resumedAt } : {}),
    });
    if (interruptedBy) return exitCodeFor(interruptedBy);
    return result.status === 'succeeded' && written ? EXIT.ok : EXIT.failed;
  } finally {
    stop.dispose();
  }
}

async function createReporter(context: ExecuteContext): Promise<RunReporter> {
  const { io, settings, flags, redactor, style } = context;
  const write = (text: string): void => {
    io.stderr.write(text);
  };
  const options = { write, style, redactor, verbose: flags.verbose === true };
  // Log records go beside the progress lines; a live (redrawn) line would be torn by them.
  const plain = settings.log !== undefined || chooseProgressMode(io.stderr, io.env, flags.color) === 'plain';
  const progress = plain ? createHumanReporter(options) : createLiveProgressReporter({ ...options, columns: () => (io.stderr as { columns?: number }).columns });
  return settings.log ? combineReporters([progress, await createRunLogger({ ...settings.log, write, redactor, style })]) : progress;
}

/** A host's per-source budget (the queue worker's --limit) is awaited before each request goes out. */
function throttled(port: HttpPort, beforeRequest: ((source: string | undefined) => Promise<void>) | undefined): HttpPort {
  if (!beforeRequest) return port;
  return {
    send: async (request, options) => {
      await beforeRequest(request.source);
      return port.send(request, options);
    },
  };
}

/** A second signal cancels the request in flight; the step then fails on it, but the run was aborted. */
function markCancelledRequest(result: RunResult, hard: AbortSignal): RunResult {
  if (!hard.aborted || result.status !== 'failed' || !result.error || result.error.code === 'aborted') return result;
  return { ...result, error: { ...result.error, code: 'aborted', message: `The run was cancelled while a request was in flight (${result.error.message})` } };
}

/** Writes the state (secret inputs as placeholders) and the journal (masked) after every transition. */
function saveState(target: NonNullable<ExecuteContext['stateFile']>, journal: RunJournal, redactor: Redactor, checkpoint?: (text: string) => Promise<void>): (state: RunState) => Promise<void> {
  const journalJson = createJournalEncoder(redactor);
  return async (state) => {
    const hidden = hideSecrets(state, target.secrets, redactor);
    const text = stateFileText({
      ...target.header,
      secretsMasked: hidden.masked,
      state: hidden.value,
      savedAt: new Date().toISOString(),
    }, journalJson(journal));
    try {
      // A host that keeps the checkpoint (the queue worker, in Redis) is where the run is resumed
      // from; the file would be a second, slower copy (an fsync per transition).
      if (!checkpoint) writeStateFile(target.path, text);
    } catch (error) {
      throw new StateFileError(`the state file ${target.path} could not be written: ${(error as Error).message}`);
    }
    // A host's copy failing stops the run like a file that cannot be written: it would not be resumable.
    if (checkpoint) await checkpoint(text).catch((error: unknown) => {
      throw new StateFileError(`the run's checkpoint could not be saved: ${(error as Error).message}`);
    });
  };
}

class StateFileError extends Error {}
