#!/usr/bin/env node
// Thin shim: all logic lives in dist/cli/main.js (built from src/cli/main.ts by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A clone or git checkout that was never built (install scripts skipped): say what to do.
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`arazzo is not built: ${fileURLToPath(entry)} is missing.\n  hint: run "npm install" (it builds on install) or "npm run build" in ${root}\n`);
  process.exit(2);
}

// V8 settings for the CLI process only (in-process callers keep V8's defaults); bench/README.md
// has the figures. Set before dist/ loads: the flags are read when wasm compiles and at each GC.
// - --no-wasm-tier-up --no-wasm-dynamic-tiering: undici's HTTP parser is WebAssembly; optimising
//   it with TurboFan cost ~30 MB of RSS and more CPU than it saved in every run measured (3 to
//   10,000 requests). It stays on Liftoff, V8's baseline compiler. (Not --liftoff-only, which
//   makes any function Liftoff cannot compile a fatal error instead of a TurboFan fallback.)
// - --semi-space-growth-factor=1, --heap-growing-percent=20: a long poll loop keeps the young
//   generation at its first size and grows the old one by 20% of what is live, so peak RSS stays
//   near that of a short run instead of climbing with the number of iterations.
setFlagsFromString('--no-wasm-tier-up --no-wasm-dynamic-tiering --semi-space-growth-factor=1 --heap-growing-percent=20');

const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
