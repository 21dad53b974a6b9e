/**
 * The I/O half of `arazzo lint --fix`: the fixes lint found, written into the local Arazzo files
 * they belong to (never into a URL or an OpenAPI description). The rewrite itself is
 * lint/apply-fixes.ts; a file is written only when its text changed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyFixes, type TextFix } from '../lint/apply-fixes.js';
import { isHttpUrl } from '../load/read-text.js';

/** Writes what can be fixed; returns file → number of fixes written. */
export async function fixFiles(diagnostics: readonly Diagnostic[], fixable: (file: string) => boolean): Promise<Map<string, number>> {
  const byFile = new Map<string, TextFix[]>();
  for (const d of diagnostics) {
    if (d.fix === undefined || d.pointer === undefined || d.file === undefined || isHttpUrl(d.file) || !fixable(d.file)) continue;
    const fixes = byFile.get(d.file) ?? [];
    fixes.push({ pointer: d.pointer, fix: d.fix });
    byFile.set(d.file, fixes);
  }
  const written = new Map<string, number>();
  for (const [file, fixes] of byFile) {
    const before = await readFile(file, 'utf8');
    const { text, applied } = applyFixes(before, fixes);
    if (applied.length === 0 || text === before) continue;
    await writeFile(file, text, 'utf8');
    written.set(file, applied.length);
  }
  return written;
}
