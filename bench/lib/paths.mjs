/** Where things are, from the repository root. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'bin/arazzo.js');
export const at = (...parts) => path.join(ROOT, ...parts);
