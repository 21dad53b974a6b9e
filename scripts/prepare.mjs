// npm runs `prepare` after `npm install` / `npm ci` in a clone, when installing from git and before
// `npm pack`: it builds dist/ so `npx arazzo` works right away. A published tarball already carries
// dist/ (npm does not run `prepare` when installing one). Without the dev dependencies (e.g.
// `npm ci --omit=dev` in a clone) there is nothing to build with: say so instead of failing.
// This file is in the tarball only so that npm 11, when a user allows install scripts for the
// package, finds it and does nothing (an installed package has dist/ and no src/).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const isClone = existsSync(path.join(root, 'src'));
const tools = ['esbuild', 'typescript'].filter((name) => !existsSync(path.join(root, 'node_modules', name, 'package.json')));
if (!isClone) {
  // A published package: dist/ is already built.
} else if (tools.length > 0) {
  console.warn(`arazzo: not built (${tools.join(' and ')} not installed); run "npm install && npm run build" in ${root}`);
} else {
  await import('./build.mjs');
}
