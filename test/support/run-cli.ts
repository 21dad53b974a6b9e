/**
 * Spawns the real CLI (`node bin/arazzo.js ...`, NO_COLOR=1) for end-to-end tests and collects its
 * exit code, stdout and stderr. The child runs asynchronously, so a server in the test process
 * (simulator, loopback server) keeps answering while the CLI talks to it.
 *
 * `ensureCliBuilt()` builds dist/ (esbuild, no .d.ts) when it is missing or older than a source
 * file; call it in beforeAll. A lock directory makes concurrent test files share one build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binPath = path.join(repoRoot, 'bin/arazzo.js');
const builtEntry = path.join(repoRoot, 'dist/cli/main.js');

export interface CliRun {
  /** null when the process was killed (see `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Added to the parent's environment (NO_COLOR=1 is always set; FORCE_COLOR removed). */
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed. */
  stdin?: string;
  /** Kill the child after this long so a hang fails the test instead of the suite. Default 15 s. */
  killAfterMs?: number;
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
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

const SOURCES = ['src', 'scripts', 'test/support/demo.ts', 'test/support/simulator', 'package.json'];

export async function ensureCliBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = path.join(tmpdir(), `arazzo-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`);
  await acquire(lock);
  try {
    if (isStale()) await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isStale(): boolean {
  let built: number;
  try {
    built = statSync(builtEntry).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestMtime(path.join(repoRoot, source)) > built);
}

function newestMtime(location: string): number {
  let stats;
  try {
    stats = statSync(location);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(location).reduce((newest, name) => Math.max(newest, newestMtime(path.join(location, name))), stats.mtimeMs);
}

async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      // Another test file is building; a lock older than a minute is left over from a crash.
      const age = Date.now() - (statSafe(lock) ?? Date.now());
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function statSafe(location: string): number | undefined {
  try {
    return statSync(location).mtimeMs;
  } catch {
    return undefined;
  }
}

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), '--no-types'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code}):\n${Buffer.concat(errors).toString('utf8')}`))));
  });
}
