/**
 * Spawns the real CLI (`node bin/arazzo.js ...`, NO_COLOR=1) and collects its exit code, stdout
 * and stderr. The child runs asynchronously, so a server in the test process (simulator, loopback
 * server) keeps answering while the CLI talks to it. Only tests that need a real process use it
 * (bin/ itself, signals, a pseudo-terminal); the others run `main(argv, io)` in-process with
 * run-cli-in-process.ts, which takes the same options and returns the same shape.
 *
 * dist/ is built once per test run by vitest's globalSetup (build-cli-once.ts); e2e files call
 * `requireCliBuilt()` in beforeAll.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binPath = path.join(repoRoot, 'bin/arazzo.js');
export const builtEntry = path.join(repoRoot, 'dist/cli/main.js');

export interface CliRun {
  /** null when the process was killed (see `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /**
   * Added to the parent's environment (NO_COLOR=1 is always set; FORCE_COLOR and the CI variables
   * are removed, so tests behave the same locally and under GitHub Actions).
   */
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed. */
  stdin?: string;
  /** Kill the child after this long so a hang fails the test instead of the suite. Default 15 s. */
  killAfterMs?: number;
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    CI: undefined,
    GITHUB_ACTIONS: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    GITHUB_WORKSPACE: undefined,
    ...options.env,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(options.stdin ?? '');
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 15_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** stdout parsed as exactly one JSON value (JSON.parse throws on anything before or after it). */
export function parseJsonStdout(run: CliRun): Record<string, unknown> {
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** For e2e beforeAll: fail with a clear message when the globalSetup build did not happen. */
export function requireCliBuilt(): void {
  if (!existsSync(builtEntry)) throw new Error(`${builtEntry} is missing: the build failed or was not run (npm run build)`);
}
