// Issue 12 items 1-2: a clone builds on install (`prepare`), an unbuilt copy says what to do, and
// the published package is lean (no source maps, no demo) and carries the Apache-2.0 LICENSE.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';

beforeAll(requireCliBuilt);
const scratch = mkdtempSync(path.join(tmpdir(), 'arazzo-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { license: string; scripts: Record<string, string> };

describe('issue 12 item 1: nothing to build by hand', () => {
  it('npm builds dist/ on install in a clone (prepare runs the build)', () => {
    expect(packageJson.scripts.prepare).toMatch(/scripts\/prepare\.mjs/);
    expect(readFileSync(path.join(repoRoot, 'scripts/prepare.mjs'), 'utf8')).toMatch(/import\('\.\/build\.mjs'\)/);
  });

  it('an unbuilt copy exits 2 with what to run instead of ERR_MODULE_NOT_FOUND', () => {
    const copy = path.join(scratch, 'unbuilt');
    cpSync(path.join(repoRoot, 'bin'), path.join(copy, 'bin'), { recursive: true });
    cpSync(path.join(repoRoot, 'package.json'), path.join(copy, 'package.json'));
    const result = spawnSync(process.execPath, [path.join(copy, 'bin/arazzo.js'), 'lint', 'x.yml'], { encoding: 'utf8' });
    expect(result.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND/);
    expect(result.stderr).toMatch(/arazzo is not built/);
    expect(result.stderr).toMatch(/npm run build/);
    expect(result.status).toBe(2);
  });
});

describe('issue 12 item 2: a lean package with its licence', () => {
  it('packs dist/ without source maps or the demo, with LICENSE (Apache-2.0 full text)', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(existsSync(path.join(repoRoot, 'scripts/demo.mjs'))).toBe(true);
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('bin/arazzo.js');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|scripts|bench)\//.test(f))).toEqual(['scripts/prepare.mjs']);
    expect(packageJson.license).toBe('Apache-2.0');
    const licence = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(licence).toMatch(/END OF TERMS AND CONDITIONS/);
  });
});
