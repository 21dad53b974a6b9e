// Bundles the CLI, the library entry and the demo with esbuild (fast start-up: one file per
// entry plus shared chunks; heavy modules stay behind dynamic imports), then emits .d.ts files.
// The CLI also bundles the packages it imports statically: Node then reads a few chunks instead
// of resolving and compiling hundreds of package files (lint start-up ~25% faster, see bench/).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { writeValidator } from './build-schema-validator.mjs';
import { writeValidator11 } from './build-schema-validator-1-1.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// `--outdir <dir>`: build elsewhere; the e2e setup builds beside dist/ and then moves files in
// one by one, so a CLI another test is starting never sees a half-empty dist/.
const outdirAt = process.argv.indexOf('--outdir');
const dist = outdirAt > 0 && process.argv[outdirAt + 1] ? path.resolve(process.argv[outdirAt + 1]) : path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const entries = {
  'cli/main': 'src/cli/main.ts',
  index: 'src/index.ts',
};
const entryPoints = Object.fromEntries(
  Object.entries(entries).filter(([, file]) => existsSync(path.join(root, file))),
);

// The lint schema validator is generated, committed code: regenerate it if the schema or ajv changed.
if (writeValidator()) console.log('build: regenerated src/lint/generated/validate-arazzo-schema.js');
if (writeValidator11()) console.log('build: regenerated src/lint/generated/validate-arazzo-1-1-schema.js');

const shared = {
  absWorkingDir: root,
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
};
const pick = (wanted) => Object.fromEntries(Object.entries(entryPoints).filter(([name]) => wanted(name)));

// The library leaves its dependencies to node_modules.
await build({ ...shared, entryPoints: pick((name) => name !== 'cli/main'), packages: 'external' });

// Packages imported with `import()` stay external: they are lazy by design, and esbuild would give
// a split-off CommonJS package only a default export where Node gives named ones too
// (`const { Ajv2020 } = await import('ajv/dist/2020.js')`). pino loads its transports by path.
const ALWAYS_EXTERNAL = /^(pino|pino-pretty|thread-stream)(\/|$)/;
const keepLazyPackagesExternal = {
  name: 'keep-lazy-packages-external',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || args.path.startsWith('node:')) return undefined;
      if (args.kind === 'dynamic-import' || ALWAYS_EXTERNAL.test(args.path)) return { path: args.path, external: true };
      return undefined;
    });
  },
};
// Bundled CommonJS code calls require() for Node built-ins; an ES module has none of its own.
const CREATE_REQUIRE = "import { createRequire as __arazzoCreateRequire } from 'node:module'; const require = __arazzoCreateRequire(import.meta.url);";
await build({
  ...shared,
  entryPoints: pick((name) => name === 'cli/main'),
  plugins: [keepLazyPackagesExternal],
  banner: { js: CREATE_REQUIRE },
  sourcesContent: false,
});

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
