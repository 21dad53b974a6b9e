/** What a command may touch, passed in so the CLI can run in-process in tests. */
import type { LoadedPlan } from './load-plan.js';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Stands in for SIGINT when the CLI runs in-process; a real process gets signal handlers instead. */
  signal?: AbortSignal;
  /** All of stdin as text, for `--input name=-` and `--inputs -`. */
  readStdin?: () => Promise<string>;
  /** Asks for a secret with echo off; present only when stdin and stderr are terminals. */
  promptSecret?: (label: string) => Promise<string | undefined>;
  /** Set by a host that runs the CLI in-process and keeps runs elsewhere (the queue worker). */
  host?: RunHost;
}

/** What `run --state-file` and `resume` tell a host besides the file (src/queue/run-job.ts). */
export interface RunHost {
  /**
   * The state file's text at each save: the worker keeps it in Redis. With a host that keeps it,
   * the file itself is not written during the run (resume reads the copy the host writes out).
   */
  checkpoint?(text: string): Promise<void>;
  /** True hands the run back at this wait instead of sleeping: the run stops, nothing is printed. */
  park?(wait: { until: number; ms: number }): boolean;
  /** Awaited before each request of a step, with its source description's name (the worker's --limit). */
  beforeRequest?(source: string | undefined): Promise<void>;
  /**
   * A state file whose run already ended is reported again (its result, exit code and reports)
   * instead of refused: a worker killed after the run's last checkpoint, before its job completed.
   */
  reportEnded?: boolean;
  /**
   * Loads (or hands back, already loaded) the plan of a resumed run's file: a queue worker's
   * documents never change under their path, so each resume of a poll need not parse them again.
   */
  loadPlan?(file: string, load: () => Promise<LoadedPlan>): Promise<LoadedPlan>;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
  ...(process.stdin.isTTY && process.stderr.isTTY
    ? { promptSecret: async (label: string) => (await import('./prompt-secret.js')).promptHidden(process.stdin as import('node:tty').ReadStream, process.stderr, label) }
    : {}),
});
