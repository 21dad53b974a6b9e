/**
 * The text behind `--input name=<value>`: `@path` reads a file, `-` reads stdin, `@@text` is the
 * literal `@text`. A file's one trailing newline is dropped, as `$(cat file)` would, so a token
 * saved with `echo` works.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../diagnostics/diagnostic.js';

export interface InputReaders {
  cwd: string;
  /** Reads all of stdin; called at most once per run. */
  readStdin?: () => Promise<string>;
}

export type ValueText = { ok: true; text: string; from: 'literal' | 'file' | 'stdin' } | { ok: false; problem: Problem };

/** Stdin can be read once; the second reader gets a problem instead of an empty string. */
export function createStdinOnce(readStdin: (() => Promise<string>) | undefined): (who: string) => Promise<ValueText> {
  let usedBy: string | undefined;
  return async (who) => {
    if (!readStdin) return { ok: false, problem: { code: 'input-stdin-unavailable', message: `${who} asks for stdin, but there is none` } };
    if (usedBy !== undefined) {
      return { ok: false, problem: { code: 'input-stdin-twice', message: `${who} and ${usedBy} both read stdin`, hint: 'Only one input (or --inputs file) can come from "-".' } };
    }
    usedBy = who;
    return { ok: true, text: dropTrailingNewline(await readStdin()), from: 'stdin' };
  };
}

export async function readInputValue(name: string, raw: string, readers: InputReaders, stdin: (who: string) => Promise<ValueText>): Promise<ValueText> {
  if (raw === '-') return stdin(`--input ${name}`);
  if (raw.startsWith('@@')) return { ok: true, text: raw.slice(1), from: 'literal' };
  if (!raw.startsWith('@')) return { ok: true, text: raw, from: 'literal' };
  const file = path.resolve(readers.cwd, raw.slice(1));
  try {
    return { ok: true, text: dropTrailingNewline(await readFile(file, 'utf8')), from: 'file' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      problem: {
        code: 'input-file-unreadable',
        message: `Input "${name}": the file ${raw.slice(1)} cannot be read (${code})`,
        hint: 'Check the path after "@" (relative to the current directory); write @@ for a value that starts with "@".',
      },
    };
  }
}

const dropTrailingNewline = (text: string): string => text.replace(/\r?\n$/, '');
