/**
 * Issue 6 › hostile documents: alias bombs, deep nesting, duplicate keys, non-UTF-8, very large
 * files and $ref cycles end in a clear, located diagnostic (or load fine), in bounded time and
 * memory: each case must finish well inside the test timeout, and nothing is sent (exit 2).
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { findDuplicateKeys, MAX_NESTING_DEPTH } from '../../src/document/check-yaml-shape.js';
import { parseYamlText } from '../../src/document/parse-yaml.js';
import { loadPlan } from '../../src/cli/load-plan.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const DOCS = fileURLToPath(new URL('../fixtures/hostile/documents/', import.meta.url));
const fixture = (name: string): string => path.join(DOCS, name);
const scratch = mkdtempSync(path.join(tmpdir(), 'arazzo-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeScratch(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

async function errorsOf(file: string) {
  const { diagnostics } = await loadPlan(file);
  return diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, line: d.line }));
}

describe('Issue 6 › hostile YAML: a clear error with the line', () => {
  it('a billion-laughs alias bomb → yaml-alias-limit at the first alias, without expanding it', async () => {
    const before = process.memoryUsage().heapUsed;
    expect(await errorsOf(fixture('alias-bomb.arazzo.yaml'))).toEqual([{ code: 'yaml-alias-limit', line: 7 }]);
    // 9^9 strings would be hundreds of MiB; the refusal costs next to nothing.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('an alias inside its own anchor → yaml-recursive-alias', async () => {
    expect(await errorsOf(fixture('recursive-alias.arazzo.yaml'))).toEqual([{ code: 'yaml-recursive-alias', line: 6 }]);
  });

  it('a duplicate key → yaml-duplicate-key at the repeated key\'s line', async () => {
    expect(await errorsOf(fixture('duplicate-keys.arazzo.yaml'))).toEqual([{ code: 'yaml-duplicate-key', line: 14 }]);
  });

  it.each([
    ['flow sequences', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['flow mappings (JSON)', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
    ['block mappings', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    ['block sequences', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n')],
  ])('nesting past the limit in %s → yaml-too-deep; at the limit it parses', (_kind, nest) => {
    expect(parseYamlText(nest(MAX_NESTING_DEPTH - 1), 'ok.yaml').diagnostics).toEqual([]);
    const deep = parseYamlText(nest(MAX_NESTING_DEPTH + 1), 'deep.yaml');
    expect(deep.diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
    expect(deep.diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('20,000 levels of nesting → yaml-too-deep, and the process stays healthy for the next document', () => {
    const text = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(parseYamlText(text, 'deep.yaml').diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
    expect(parseYamlText(text, 'deep.yaml').diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
    expect(parseYamlText('a: [1, {b: c}]', 'fine.yaml').value).toEqual({ a: [1, { b: 'c' }] });
  });

  it('a chain of aliases deeper than the limit → refused (yaml-too-deep or yaml-alias-limit)', () => {
    const lines = ['a0: &a0 [x]'];
    for (let i = 1; i <= MAX_NESTING_DEPTH + 5; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const codes = parseYamlText(lines.join('\n'), 'chain.yaml').diagnostics.map((d) => d.code);
    expect(codes).toHaveLength(1);
    expect(['yaml-too-deep', 'yaml-alias-limit']).toContain(codes[0]);
  });

  it('issue 10 item 4: aliases that expand past 10 million values → yaml-too-many-nodes (the size guard is the value count, not bytes)', () => {
    const text = `x: &x [${Array.from({ length: 20_000 }, () => '0').join(',')}]\ny: [${Array.from({ length: 600 }, () => '*x').join(', ')}]\n`;
    expect(text.length).toBeLessThan(100_000);
    expect(parseYamlText(text, 'wide-aliases.yaml').diagnostics.map((d) => d.code)).toEqual(['yaml-too-many-nodes']);
  });

  it('a mapping with 50,000 keys parses; a key repeated at the end of a wide mapping is found at its line', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`);
    const parsed = parseYamlText(lines.join('\n'), 'wide.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(Object.keys(parsed.value as object)).toHaveLength(50_000);
    const repeated = parseYamlText([...lines.slice(0, 5_000), 'k7: again'].join('\n'), 'wide.yaml');
    expect(repeated.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-duplicate-key', 5_001]]);
  });

  it('the duplicate-key check reads each key a fixed number of times, so its work grows linearly (yaml\'s own uniqueKeys check compares every pair)', () => {
    const keyReads = (count: number): number => {
      const doc = parseDocument(Array.from({ length: count }, (_, i) => `k${i}: ${i}`).join('\n'), { uniqueKeys: false });
      let reads = 0;
      for (const pair of (doc.contents as YAMLMap).items) {
        const key = pair.key as Scalar;
        const value = key.value;
        Object.defineProperty(key, 'value', { get: () => (reads++, value) });
      }
      expect(findDuplicateKeys(doc)).toEqual([]);
      return reads;
    };
    const small = keyReads(1_000);
    expect(small).toBeGreaterThanOrEqual(1_000);
    expect(small).toBeLessThanOrEqual(2 * 1_000);
    expect(keyReads(4_000)).toBe(4 * small);
  });
});

describe('Issue 6 › text that is not UTF-8: the error names the line', () => {
  it('Latin-1 bytes → file-not-utf8 at line 3', async () => {
    const { diagnostics } = await loadPlan(fixture('latin1.arazzo.yaml'));
    expect(diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }))).toEqual([{ code: 'file-not-utf8', line: 3, column: 13 }]);
  });

  it('UTF-16 with a byte order mark → file-not-utf8, saying UTF-16', async () => {
    const { diagnostics } = await loadPlan(fixture('utf16.arazzo.yaml'));
    expect(diagnostics.map((d) => d.code)).toEqual(['file-not-utf8']);
    expect(diagnostics[0]?.message).toContain('UTF-16');
  });
});

describe('Issue 6 › very large files', () => {
  it('issue 10 item 4: a file over the byte cap (default 256 MiB) → file-too-large naming --max-source-bytes, without reading it', async () => {
    const file = path.join(scratch, 'huge.arazzo.yaml');
    closeSync(openSync(file, 'w'));
    truncateSync(file, 256 * 1024 * 1024 + 1);
    const { diagnostics } = await loadPlan(file);
    expect(diagnostics.map((d) => ({ code: d.code, line: d.line }))).toEqual([{ code: 'file-too-large', line: undefined }]);
    expect(diagnostics[0]?.hint).toContain('--max-source-bytes');
  });

  it('issue 10 item 4: a 12 MiB file is read (the old 10 MiB cap is gone); maxSourceBytes lowers the cap', async () => {
    const file = writeScratch('twelve.arazzo.yaml', `arazzo: 1.0.1\ninfo: {title: t, version: "1", description: "${'x'.repeat(12 * 1024 * 1024)}"}\n`);
    expect((await errorsOf(file)).map((e) => e.code)).not.toContain('file-too-large');
    expect((await loadPlan(file, { maxSourceBytes: 1024 * 1024 })).diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });

  it('a device (/dev/zero) named as the document → file-unreadable, never read', async () => {
    expect((await errorsOf('/dev/zero')).map((e) => e.code)).toEqual(['file-unreadable']);
  });

  it('a 2 MB JSON document loads through the JSON fast path; positions still resolve', () => {
    const items = Array.from({ length: 30_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] }));
    const text = JSON.stringify({ openapi: '3.1.0', items }, null, 1);
    expect(text.length).toBeGreaterThan(2_000_000);
    const parsed = parseYamlText(text, 'big.json');
    expect(parsed.diagnostics).toEqual([]);
    expect((parsed.value as { items: unknown[] }).items).toHaveLength(30_000);
    const line = text.slice(0, text.indexOf('"item 29999"')).split('\n').length;
    expect(parsed.sourceMap.locate('/items/29999/name')?.line).toBe(line);
    expect(parsed.sourceMap.locateKey('/items/29999/name')?.line).toBe(line);
    expect(parsed.sourceMap.locate('/items/29999/missing/deeper')?.line).toBe(line - 2);
  });

  it('a duplicate key deep in a large JSON document → yaml-duplicate-key at its line', () => {
    const lines = ['{', '"openapi": "3.1.0",', `"padding": "${'x'.repeat(300_000)}",`, '"paths": {', '"/a": {},', '"/a": {}', '}', '}'];
    const parsed = parseYamlText(lines.join('\n'), 'dup.json');
    expect(parsed.diagnostics.map((d) => ({ code: d.code, line: d.line }))).toEqual([{ code: 'yaml-duplicate-key', line: 6 }]);
  });

  it('issue 10 item 4: JSON with more than 10 million values → yaml-too-many-nodes, refused before JSON.parse builds it', () => {
    const text = `[${'0,'.repeat(10_000_000)}0]`;
    expect(parseYamlText(text, 'many.json').diagnostics.map((d) => d.code)).toEqual(['yaml-too-many-nodes']);
  });

  it('JSON that is deeper than the limit → yaml-too-deep (fast path)', () => {
    const text = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    expect(parseYamlText(text, 'deep.json').diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
  });
});

describe('Issue 6 › $ref cycles and hostile $refs in OpenAPI sources', () => {
  it('a recursive schema and a $ref loop load; the operation is found', async () => {
    const { diagnostics, plan } = await loadPlan(fixture('cyclic-schemas.arazzo.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...plan.documents.values()][0]?.workflows.get('w')?.steps[0]?.target.kind).toBe('operation');
  });

  it('issue 10 item 7: an external $ref to /dev/zero where the run never looks → a warning naming it, never read; lint goes on', async () => {
    const { diagnostics, plan } = await loadPlan(fixture('device-ref.arazzo.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warning = diagnostics.find((d) => d.code === 'source-ref-unresolved');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('/dev/zero');
    expect([...plan.documents.values()][0]?.workflows.get('w')?.steps[0]?.target.kind).toBe('operation');
  });

  it('issue 10 item 7: the same $ref where the step needs it (a parameter) → source-unresolvable at the step', async () => {
    writeScratch('device-param.openapi.yaml', 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /thing:\n    get:\n      operationId: getThing\n      parameters:\n        - $ref: /dev/zero\n      responses: {"200": {description: ok}}\n');
    const arazzo = writeScratch('device-param.arazzo.yaml', 'arazzo: 1.0.1\ninfo: {title: t, version: "1"}\nsourceDescriptions:\n  - {name: api, url: ./device-param.openapi.yaml, type: openapi}\nworkflows:\n  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getThing\n');
    const { diagnostics } = await loadPlan(arazzo);
    const error = diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ code: 'source-unresolvable', line: 9 });
    expect(error?.message).toContain('/dev/zero');
  });

  it('a chain of 5,000 $refs → a diagnostic, not a crash', async () => {
    const schemas = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`S${i}`, i === 4999 ? { type: 'string' } : { $ref: `#/components/schemas/S${i + 1}` }]));
    const openapi = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/x': { get: { operationId: 'getX', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } } } } } }, components: { schemas } };
    writeScratch('chain.openapi.json', JSON.stringify(openapi));
    const arazzo = writeScratch('chain.arazzo.yaml', 'arazzo: 1.0.1\ninfo: {title: t, version: "1"}\nsourceDescriptions:\n  - {name: api, url: ./chain.openapi.json, type: openapi}\nworkflows:\n  - workflowId: w\n    steps:\n      - {stepId: s, operationId: getX}\n');
    const { diagnostics } = await loadPlan(arazzo);
    for (const d of diagnostics) expect(d.code).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('Issue 6 › hostile documents through the CLI: exit 2, a located message, nothing sent', () => {
  it.each([
    ['alias-bomb.arazzo.yaml', 'yaml-alias-limit', ':7:'],
    ['duplicate-keys.arazzo.yaml', 'yaml-duplicate-key', ':14:'],
    ['latin1.arazzo.yaml', 'file-not-utf8', ':3:'],
  ])('arazzo run %s → exit 2 with %s at the line', async (name, code, line) => {
    const { code: exit, stderr, stdout } = await runCliInProcess(['run', fixture(name), '--json']);
    expect(exit).toBe(2);
    expect(stderr).toContain(line);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'invalid', diagnostics: [expect.objectContaining({ code })] });
  });

  it('arazzo lint on several hostile files reports each one (the process survives the first)', async () => {
    const deep = writeScratch('deep.arazzo.yaml', `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const deeper = writeScratch('deeper.arazzo.yaml', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    const { code, stdout } = await runCliInProcess(['lint', deep, deeper, fixture('duplicate-keys.arazzo.yaml'), '--format', 'json']);
    expect(code).toBe(1);
    const codes = (JSON.parse(stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['yaml-too-deep', 'yaml-too-deep', 'yaml-duplicate-key']);
  });
});
