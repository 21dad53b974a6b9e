/**
 * vitest globalSetup: builds dist/ once per test run, before any worker starts, when the run
 * includes end-to-end tests (which spawn bin/arazzo.js) and dist/ is missing or older than the
 * sources. `npm test` builds just before vitest, so it is then a no-op.
 *
 * Several test runs may share one working tree, and one may spawn the CLI while another rebuilds.
 * So the build goes to a sibling directory first, and its files are moved into dist/ one by one,
 * chunks before entries, each by an atomic rename: a CLI that is starting sees either the old
 * entry with its (kept) old chunks or the new entry with its new chunks, never a missing file.
 * A lock directory keeps two runs from building at the same time.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { builtEntry, repoRoot } from './run-cli.js';

const SOURCES = ['src', 'scripts', 'package.json'];
const ENTRY = /^(cli\/main|index)\.js(\.map)?$/;

export default async function buildCliOnce(project: TestProject): Promise<void> {
  // vitest keeps the CLI file filters on `filenamePattern` (not typed); unknown means build.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? project.config.filters ?? [];
  if (!selectsEndToEnd(filters)) return;
  try {
    await ensureCliBuilt();
  } catch (error) {
    // Unit and integration results are still worth having; e2e files report the missing build.
    process.stderr.write(`\n[build-cli-once] ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

export async function ensureCliBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = path.join(tmpdir(), `arazzo-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}.lock`);
  await acquire(lock);
  try {
    if (!isStale()) return;
    const next = path.join(repoRoot, `.dist-next-${process.pid}`);
    try {
      await build(next);
      install(next, path.join(repoRoot, 'dist'));
    } finally {
      rmSync(next, { recursive: true, force: true });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** vitest keeps a file when its path contains a filter; no filter means every file. */
function selectsEndToEnd(filters: readonly string[]): boolean {
  if (filters.length === 0) return true;
  const e2e = path.join(repoRoot, 'test/e2e');
  const files = readdirSafe(e2e).map((name) => path.join(e2e, name));
  return files.some((file) => filters.some((filter) => file.includes(filter) || file.includes(path.resolve(filter))));
}

function isStale(): boolean {
  const built = mtimeOf(builtEntry);
  if (built === undefined) return true;
  return SOURCES.some((source) => newestMtime(path.join(repoRoot, source)) > built);
}

function newestMtime(location: string): number {
  const mtime = mtimeOf(location) ?? 0;
  const children = readdirSafe(location);
  return children.reduce((newest, name) => Math.max(newest, newestMtime(path.join(location, name))), mtime);
}

/** Chunks (content-hashed names) first, entries last; each file lands by rename. */
function install(from: string, to: string): void {
  const files = listFiles(from);
  const ordered = [...files.filter((f) => !ENTRY.test(f)), ...files.filter((f) => ENTRY.test(f))];
  for (const relative of ordered) {
    const target = path.join(to, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    const staging = `${target}.${process.pid}.tmp`;
    copyFileSync(path.join(from, relative), staging);
    renameSync(staging, target);
  }
}

function listFiles(directory: string, prefix = ''): string[] {
  return readdirSafe(directory).flatMap((name) => {
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? listFiles(full, relative) : [relative];
  });
}

async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      // Another run is building; a lock older than a minute is left over from a crash.
      const age = Date.now() - (mtimeOf(lock) ?? Date.now());
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function build(outdir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [path.join(repoRoot, 'scripts/build.mjs'), '--no-types', '--outdir', outdir];
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code}):\n${Buffer.concat(errors).toString('utf8')}`))));
  });
}

function mtimeOf(location: string): number | undefined {
  try {
    return statSync(location).mtimeMs;
  } catch {
    return undefined;
  }
}

function readdirSafe(location: string): string[] {
  try {
    return statSync(location).isDirectory() ? readdirSync(location) : [];
  } catch {
    return [];
  }
}
