/**
 * Process-wide safety for the CLI: no raw stack trace (or silent exit 0) after an error nobody
 * handled. (A regex that pins the CPU is bounded in runtime/bound-regex-backtracking.ts.)
 */
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

export const isVerbose = (argv: readonly string[]): boolean => argv.includes('--verbose') || argv.includes('-v');

/** "internal error: …", and the stack only under --verbose. */
export function reportInternalError(error: unknown, io: CliIo, verbose: boolean): void {
  io.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  io.stderr.write(verbose && error instanceof Error && error.stack
    ? `${error.stack}\n`
    : 'This is a bug in arazzo; run again with --verbose for the stack trace and report it.\n');
}

export interface CrashReporter {
  onRejection(reason: unknown): void;
  onException(error: unknown): void;
  /** Whether anything was reported: the exit code must then not be 0. */
  failed(): boolean;
}

export function createCrashReporter(io: CliIo, argv: readonly string[], exit: (code: number) => void): CrashReporter {
  let failed = false;
  const report = (error: unknown): void => {
    failed = true;
    try {
      reportInternalError(error, io, isVerbose(argv));
    } catch {
      // stderr itself is gone; the exit code still tells.
    }
  };
  return {
    onRejection: report,
    onException(error) {
      report(error);
      // After an uncaught exception the process state is unknown: stop now.
      exit(EXIT.failed);
    },
    failed: () => failed,
  };
}

/**
 * A reader that went away (`| head -3`, `| true`) is not a failure of ours: the stream is then
 * destroyed, later writes are dropped, and the command still ends with its own exit code.
 */
export function ignoreClosedPipes(streams: readonly NodeJS.WriteStream[]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

/** Installs the crash reporter on the real process (never when the CLI runs in-process in tests). */
export function guardProcess(io: CliIo, argv: readonly string[]): CrashReporter {
  ignoreClosedPipes([process.stdout, process.stderr]);
  const reporter = createCrashReporter(io, argv, (code) => process.exit(code));
  process.on('unhandledRejection', reporter.onRejection);
  process.on('uncaughtException', reporter.onException);
  return reporter;
}
