/**
 * Where things are. The tree measured (bin/, dist/, workflows/) is the repository root, or
 * ARAZZO_BENCH_ROOT: a copy built elsewhere, so a shared working tree's rebuilds cannot pull
 * dist/ from under a running benchmark.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(process.env.ARAZZO_BENCH_ROOT ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../..'));
export const CLI = path.join(ROOT, 'bin/arazzo.js');
export const at = (...parts) => path.join(ROOT, ...parts);
export const LIBRARY_URL = pathToFileURL(path.join(ROOT, 'dist/index.js')).href;
/** A file of the bench itself (fixtures, child scripts, results), wherever ROOT points. */
export const benchFile = (...parts) => path.join(path.dirname(fileURLToPath(import.meta.url)), '..', ...parts);
