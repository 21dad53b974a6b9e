/**
 * The Daytona + OCI simulator is TypeScript test support; the bench bundles it with esbuild into
 * a temporary directory and imports it, so `npm run bench` needs no extra build entry.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { at } from './paths.mjs';

export async function loadSimulatorModule() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'arazzo-bench-'));
  const outfile = path.join(dir, 'simulator.mjs');
  try {
    await build({ entryPoints: [at('test/support/simulator/index.ts')], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
