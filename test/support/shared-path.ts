/**
 * `../shared` beside the repository (the corpora and the spec references, GUIDE.md), resolved from
 * this file so the tests read it wherever the clone lives, CI's clean clone included.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');

export const sharedPath = (...parts: string[]): string => path.join(SHARED, ...parts);
