/**
 * The spec's own examples (read-only, in the shared reference) and corrected copies of them: a
 * copy applies named text fixes, each of which must match exactly once, so a fix documents the
 * defect it repairs and breaks loudly if the example changes.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, loadFile, SPEC_EXAMPLES, writeWorkspace, type LoadedDocument } from './run-document.js';
import type { LoadOptions } from '../../../src/load/load-workspace.js';

export const example = (name: string): string => path.join(SPEC_EXAMPLES, name);

export function loadExample(name: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  return loadFile(example(name), options);
}

export interface Correction {
  defect: string;
  from: string;
  to: string;
}

/** A corrected copy of example `name` in a temporary directory, beside copies of `companions`. */
export function correctedExample(name: string, corrections: readonly Correction[], companions: readonly string[] = []): string {
  let text = readFileSync(example(name), 'utf8');
  for (const { defect, from, to } of corrections) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`correction "${defect}" matches ${count} times in ${name}`);
    text = text.replace(from, to);
  }
  const dir = writeWorkspace({ [name]: text });
  for (const companion of companions) {
    const source = companion.startsWith('fixture:') ? path.join(FIXTURES, companion.slice('fixture:'.length)) : example(companion);
    copyFileSync(source, path.join(dir, path.basename(source)));
  }
  return path.join(dir, name);
}
