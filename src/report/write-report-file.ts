/**
 * Reports are written whole or not at all: to a temporary file beside the target, then renamed,
 * so a reader (or a second Ctrl-C) never sees half a file. Parent directories are created.
 */
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
