#!/usr/bin/env node
// Thin shim: all logic lives in dist/cli/main.js (built from src/cli/main.ts by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A clone or git checkout that was never built (install scripts skipped): say what to do.
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`arazzo is not built: ${fileURLToPath(entry)} is missing.\n  hint: run "npm install" (it builds on install) or "npm run build" in ${root}\n`);
  process.exit(2);
}

// No V8 tuning flags here (issue 11): main() sets the one safety flag, the regex backtracking bound.
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
