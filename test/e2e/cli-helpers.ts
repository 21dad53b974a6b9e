/**
 * Support for the issue 5 e2e tests (cli-*.test.ts): the echo API the fixtures in
 * test/fixtures/cli/echo talk to, a temp directory per file, a CLI child we can signal, and a
 * run under a pseudo-terminal (`script` from util-linux) for the TTY case.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { routeRequests, type LoopbackHandler } from '../support/loopback-server.js';
import { repoRoot, type CliRun } from '../support/run-cli.js';

export const echoFixture = (name: string): string => path.join('test/fixtures/cli/echo', name);

/** CI markers of the machine running the tests must not leak into the CLI under test. */
export const QUIET_ENV: Record<string, undefined> = {
  CI: undefined,
  GITHUB_ACTIONS: undefined,
  GITHUB_STEP_SUMMARY: undefined,
  GITHUB_WORKSPACE: undefined,
  GITLAB_CI: undefined,
  BUILDKITE: undefined,
};

/** A temp directory for this test file, removed after it. */
export function useTempDir(): () => string {
  const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** The echo API: each operation answers with what it received, so secrets come back in responses. */
export function echoRoutes(extra: Record<string, LoopbackHandler> = {}): LoopbackHandler {
  return routeRequests({
    'POST /echo/login': (request) => ({ body: { body: request.bodyText } }),
    'GET /echo/search': (request) => ({
      body: { url: request.url, authorization: request.headers.authorization ?? null, tokenBase64: Buffer.from(request.query.q ?? '').toString('base64') },
    }),
    'GET /echo/broken': (request) => ({ headers: { 'content-type': 'application/json' }, body: `not json: ${request.query.q ?? ''}` }),
    'POST /echo/echo': (request) => ({ body: request.body ?? {} }),
    ...extra,
  });
}

export interface CliChild {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  done: Promise<CliRun>;
}

/** Like runCli, but hands back the child so a test can signal it mid-run. */
export function spawnCli(args: readonly string[], env: Record<string, string | undefined> = {}): CliChild {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...QUIET_ENV, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), ...args], { cwd: repoRoot, env: merged as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8');
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout: text(out), stderr: text(err) });
    });
  });
  return { child, stdout: () => text(out), stderr: () => text(err), done };
}

/**
 * Runs the CLI with a pseudo-terminal as stdin/stdout/stderr via `script -qfec`, which merges
 * both streams into one; `script` passes the child's exit status through (-e).
 */
export function runInPty(args: readonly string[], env: Record<string, string | undefined> = {}, reply?: { after: string; send: string }): Promise<{ code: number | null; output: string }> {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, path.join(repoRoot, 'bin/arazzo.js'), ...args].map(quote).join(' ');
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color', ...QUIET_ENV, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: repoRoot, env: merged as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let replied = reply === undefined;
  const onOutput = (chunk: Buffer): void => {
    chunks.push(chunk);
    // Typed into the terminal once the prompt is on screen, as a person would.
    if (!replied && Buffer.concat(chunks).toString('utf8').includes(reply!.after)) {
      replied = true;
      child.stdin.write(reply!.send);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ code, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** Waits until the condition holds (checked every 20 ms); the test's own timeout bounds it. */
export async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
