/**
 * Reports are written whole or not at all: to a temporary file beside the target, then renamed,
 * so a reader (or a second Ctrl-C) never sees half a file. Parent directories are created.
 */
import { constants } from 'node:fs';
import { access, appendFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeReportFile(target: string, text: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function appendReportFile(target: string, text: string): Promise<void> {
  await appendFile(target, text, 'utf8');
}

/**
 * Why `writeReportFile(target)` would fail, checked before a run sends anything (undefined: it
 * can be written). Nothing is created: the nearest existing directory must be writable.
 */
export async function whyUnwritable(target: string): Promise<string | undefined> {
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) return `${target} is a directory`;
  let directory = path.dirname(target);
  for (;;) {
    const found = await stat(directory).catch(() => undefined);
    if (found && !found.isDirectory()) return `${directory} is not a directory`;
    if (found) break;
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  try {
    await access(directory, constants.W_OK | constants.X_OK);
    return undefined;
  } catch {
    return `the directory ${directory} is not writable`;
  }
}
