// Issue 12 item 13: the config file's hand check and the base/environment merge.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSection } from '../../../src/config/config-shape.js';
import { findConfigFile, readConfig } from '../../../src/config/read-config.js';

const root = mkdtempSync(path.join(tmpdir(), 'arazzo-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function read(text: string): Promise<Awaited<ReturnType<typeof readConfig>>> {
  const dir = mkdtempSync(path.join(root, 'c-'));
  writeFileSync(path.join(dir, 'arazzo.config.yaml'), text);
  return readConfig(dir);
}

describe('issue 12 item 13: readConfig', () => {
  it('finds the nearest file upward, and none above the root', () => {
    const deep = path.join(root, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(root, 'a', 'arazzo.config.yml'), '{}\n');
    expect(findConfigFile(deep)).toBe(path.join(root, 'a', 'arazzo.config.yml'));
  });

  it('an empty file is an empty config', async () => {
    const result = await read('');
    expect(result.ok && result.config?.base).toEqual({ rules: {}, servers: {}, serverVariables: {}, inputs: [], limits: {}, cert: [], key: [], ca: [] });
  });

  it('every problem at once, each with its line and code', async () => {
    const result = await read(['servers: [a]', 'limits:', '  maxStep: 3', 'environments:', '  ci:', '    environments: {}', '    inputs: 3', 'rules:', '  step-description-missing: loud', ''].join('\n'));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.diagnostics.map((d) => [d.code, d.line, d.message]);
    expect(problems).toEqual([
      ['config-invalid', 1, '"servers" is not a mapping'],
      ['config-unknown-key', 3, 'Unknown key "maxStep" in limits'],
      ['config-unknown-key', 6, 'Unknown key "environments" in environment "ci"'],
      ['config-invalid', 7, '"inputs" is not a file name or a list of file names'],
      ['config-invalid', 9, 'Rule "step-description-missing": "loud" is not off, info, warn or error'],
    ]);
    expect(result.ok ? '' : result.diagnostics[1]!.hint).toContain('Did you mean "maxSteps"?');
  });

  it('an environment overrides the base key by key; inputs files resolve against the config folder and add up', async () => {
    const result = await read(['servers: { a: http://base/a, b: http://base/b }', 'inputs: base.yaml', 'limits: { maxSteps: 10, timeout: 5m }', 'rules: { "schema-*": warn }',
      'environments:', '  ci:', '    servers: { b: http://ci/b }', '    inputs: [ci.yaml]', '    limits: { timeout: 1m }', ''].join('\n'));
    if (!result.ok || !result.config) throw new Error('expected a config');
    const dir = path.dirname(result.config.file);
    expect(resolveSection(result.config, 'ci')).toEqual({
      rules: { 'schema-*': 'warn' },
      servers: { a: 'http://base/a', b: 'http://ci/b' },
      serverVariables: {},
      inputs: [path.join(dir, 'base.yaml'), path.join(dir, 'ci.yaml')],
      limits: { maxSteps: '10', timeout: '1m' },
      cert: [],
      key: [],
      ca: [],
    });
    expect(resolveSection(result.config).servers.b).toBe('http://base/b');
  });

  it('--config naming a missing file is config-not-found', async () => {
    const result = await readConfig(root, 'nope.yaml');
    expect(result.ok ? undefined : result.diagnostics[0]!.code).toBe('config-not-found');
  });
});
