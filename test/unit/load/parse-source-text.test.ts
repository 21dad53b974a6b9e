/**
 * Issue 7 (lint start-up): OpenAPI sources are read by js-yaml, which must give exactly what
 * parseYamlText gives (value and diagnostics), and must decline whenever it cannot promise that.
 * The robustness rules of parse-yaml (duplicate keys, depth, alias cap) hold for sources too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify, type ToStringOptions } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../../src/document/parse-yaml.js';
import { parseSourceText, readPlainYaml } from '../../../src/load/parse-source-text.js';
import { sharedPath } from '../../support/shared-path.js';

const ROOT = path.resolve(__dirname, '../../..');

function yamlFilesUnder(dir: string): string[] {
  let found: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found = found.concat(yamlFilesUnder(file));
    else if (/\.(ya?ml|json)$/.test(name)) found.push(file);
  }
  return found;
}

/** The same value and the same diagnostics (code, line, column) as the exact path; whether the fast path answered. */
function expectSameAsExact(text: string): boolean {
  const exact = parseYamlText(text, 'source.yaml');
  const fast = parseSourceText(text, 'source.yaml');
  expect(fast.value).toEqual(exact.value);
  expect(fast.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(exact.diagnostics.map((d) => [d.code, d.line, d.column]));
  return readPlainYaml(text).taken;
}

describe('Issue 7 › an OpenAPI source read by the fast path equals parseYamlText', () => {
  const files = [
    ...yamlFilesUnder(path.join(ROOT, 'openapi')),
    ...yamlFilesUnder(path.join(ROOT, 'workflows')),
    ...yamlFilesUnder(path.join(ROOT, 'test/fixtures')),
    ...yamlFilesUnder(path.join(ROOT, 'bench/fixtures')),
    ...yamlFilesUnder(sharedPath('corpora/arazzo-in-the-wild')),
    ...yamlFilesUnder(sharedPath('reference/arazzo')),
  ];

  it('every YAML and JSON file of the repository and its fixtures', () => {
    expect(files.length).toBeGreaterThan(100);
    const taken = files.filter((file) => expectSameAsExact(readFileSync(file, 'utf8')));
    // The comparison means something only if the fast path answers for most real documents.
    expect(taken.length).toBeGreaterThan(files.length * 0.8);
  });

  it('the seed OpenAPI sources take the fast path; their positions are still there when asked for', () => {
    for (const file of ['daytona-snapshots-api-openapi.yml', 'daytona-sandbox-api-openapi.yml', 'oci-compute-api-openapi.yml']) {
      const text = readFileSync(path.join(ROOT, 'openapi', file), 'utf8');
      expect(readPlainYaml(text).taken).toBe(true);
      const parsed = parseSourceText(text, file);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.sourceMap.locate('/paths')).toEqual(parseYamlText(text, file).sourceMap.locate('/paths'));
    }
  });

  const scalars = [
    '0b101', '-0x1F', '0x1F', '+0o17', '0o17', '012', '-0', '+12', '1_000', '-.5', '.5', '+.5', '1.', '1e3', '-1.5E-3', '6.8523015e+5',
    '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'on', 'off',
    '2001-12-14', '12:30', '1:20:30', '0.1.2', '"quoted"', "'it''s'", '!!str 12', '!!int "7"', '!!float 1', '!!binary aGk=', '!custom x',
    '"\\u00e9\\x41\\t"', '|\n  a\n  b\n', '>-\n  a\n\n  b', '[1, two, {x: 3}]', '{a: 1, b: [2]}', '', 'a b c', '- nested',
  ];
  it('plain, quoted, tagged and block scalars resolve as in the YAML 1.2 core schema of the yaml package', () => {
    const taken = scalars.filter((scalar) => [expectSameAsExact(`key: ${scalar}\n`), expectSameAsExact(`- ${scalar}\n`)].every(Boolean));
    expect(taken.length).toBeGreaterThan(scalars.length * 0.8);
  });

  it('block scalars with an indentation indicator go to the exact path (found by the property below: `|1-` + " !")', () => {
    for (const text of ['|1-\n !\n', 'key: |2\n    x\n', '- >1+\n  a\n']) {
      expectSameAsExact(text);
      expect(readPlainYaml(text).taken).toBe(false);
    }
  });

  it('complex and null keys, anchors, several documents and empty text', () => {
    for (const text of ['? [a, b]\n: c\n', '[a, b]: c\n', '{x: 1}: c\n', '~: a\n', 'null: 1\n', ': empty\n', 'a: &x 1\nb: *x\n', 'a: 1\n---\nb: 2\n', '', '# only a comment\n', '"null": 1\n', 'a: {"null": 1}\n']) {
      expectSameAsExact(text);
    }
  });

  it('property: random documents written by the yaml package in block, flow and quoted styles', () => {
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...scalars.slice(0, 40)));
    const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(...scalars.slice(0, 40)));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    const style = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
    });
    let taken = 0;
    fc.assert(fc.property(value, style, (document, options) => {
      if (expectSameAsExact(stringify(document, options as ToStringOptions))) taken++;
    }), { numRuns: 1500 });
    expect(taken).toBeGreaterThan(1000);
  });
});

describe('Issue 6 robustness rules hold for sources read by the fast path', () => {
  it('a billion-laughs source fails fast with yaml-alias-limit, without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const parsed = parseSourceText(`${levels.join('\n')}\n`, 'bomb.yaml');
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
  });

  it('duplicate keys → yaml-duplicate-key at the repeated key', () => {
    const parsed = parseSourceText('openapi: 3.1.0\npaths:\n  /a: {}\n  /a: {}\n', 'dup.yaml');
    expect(parsed.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-duplicate-key', 4]]);
  });

  it('nesting past the limit → yaml-too-deep, for block and flow nesting alike', () => {
    const flow = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const block = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    for (const text of [flow, block]) expect(parseSourceText(text, 'deep.yaml').diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
  });

  it('a document 180 levels deep is refused by neither path (the fast path declines near the limit)', () => {
    expectSameAsExact(`a: ${'['.repeat(180)}${']'.repeat(180)}\n`);
  });
});
