import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envSpellings, inputsFromEnv } from '../../../src/inputs/env-inputs.js';
import { gatherInputs, type InputSources } from '../../../src/inputs/gather-inputs.js';

const schema = {
  type: 'object',
  required: ['name', 'count'],
  properties: {
    name: { type: 'string' },
    count: { type: 'integer', minimum: 1 },
    ratio: { type: 'number' },
    enabled: { type: 'boolean' },
    size: { type: 'string', enum: ['small', 'large'], default: 'small' },
    tags: { type: 'array', items: { type: 'string' } },
    config: { type: 'object' },
    apiToken: { type: 'string' },
  },
};
const target = { workflowId: 'typed', schema, file: '/flows/typed.yml', pointer: '/workflows/0' };
const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sources = (extra: Partial<InputSources>): InputSources => ({ files: [], pairs: [], env: {}, cwd: dir, ...extra });

describe('issue 5 inputs: --input is typed by the inputs schema', () => {
  it('integers, numbers, booleans, JSON arrays and objects; strings stay strings; defaults filled', async () => {
    const result = await gatherInputs(target, sources({ pairs: ['name=007', 'count=2', 'ratio=0.5', 'enabled=false', 'tags=["a","b"]', 'config={"k":{"n":1}}'] }));
    expect(result.ok && result.inputs).toEqual({ name: '007', count: 2, ratio: 0.5, enabled: false, tags: ['a', 'b'], config: { k: { n: 1 } }, size: 'small' });
  });

  it('a value may contain "="', async () => {
    const result = await gatherInputs(target, sources({ pairs: ['name=a=b', 'count=1'] }));
    expect(result.ok && result.inputs.name).toBe('a=b');
  });
});

describe('issue 5 inputs: precedence — defaults < --inputs files < ARAZZO_INPUT_* < --input', () => {
  it('later sources win, by name', async () => {
    writeFileSync(path.join(dir, 'base.yaml'), 'name: from-file\ncount: 5\nratio: 1.5\nsize: large\n');
    writeFileSync(path.join(dir, 'override.json'), '{"ratio": 2.5}');
    const result = await gatherInputs(target, sources({
      files: ['base.yaml', 'override.json'],
      env: { ARAZZO_INPUT_name: 'from-env', ARAZZO_INPUT_COUNT: '6' },
      pairs: ['count=7'],
    }));
    expect(result.ok && result.inputs).toEqual({ name: 'from-env', count: 7, ratio: 2.5, size: 'large' });
  });

  it('an invalid environment value overridden by --input is never judged', async () => {
    const result = await gatherInputs(target, sources({ env: { ARAZZO_INPUT_count: 'many' }, pairs: ['name=x', 'count=3'] }));
    expect(result.ok).toBe(true);
  });

  it('ARAZZO_INPUT_ accepts the exact name, the upper-cased name and SNAKE_CASE, exact first', () => {
    expect(envSpellings('apiToken')).toEqual(['ARAZZO_INPUT_apiToken', 'ARAZZO_INPUT_APITOKEN', 'ARAZZO_INPUT_API_TOKEN']);
    expect(inputsFromEnv({ ARAZZO_INPUT_API_TOKEN: 'snake', ARAZZO_INPUT_apiToken: 'exact' }, ['apiToken'])).toEqual([{ name: 'apiToken', variable: 'ARAZZO_INPUT_apiToken', text: 'exact' }]);
    expect(inputsFromEnv({ ARAZZO_INPUT_API_TOKEN: 'snake', ARAZZO_INPUT_OTHER: 'x' }, ['apiToken'])).toEqual([{ name: 'apiToken', variable: 'ARAZZO_INPUT_API_TOKEN', text: 'snake' }]);
  });
});

describe('issue 5 inputs: @file and - (stdin)', () => {
  it('name=@file reads the file without its trailing newline, then types it', async () => {
    writeFileSync(path.join(dir, 'token.txt'), 'tok-from-file\n');
    writeFileSync(path.join(dir, 'config.json'), '{"deep": [1, 2]}\n');
    const result = await gatherInputs(target, sources({ pairs: ['name=x', 'count=1', 'apiToken=@token.txt', 'config=@config.json'] }));
    expect(result.ok && result.inputs).toMatchObject({ apiToken: 'tok-from-file', config: { deep: [1, 2] } });
  });

  it('name=@@text is the literal @text', async () => {
    const result = await gatherInputs(target, sources({ pairs: ['name=@@handle', 'count=1'] }));
    expect(result.ok && result.inputs.name).toBe('@handle');
  });

  it('name=- reads stdin; --inputs - reads an inputs file from stdin; only one of them may', async () => {
    const one = await gatherInputs(target, sources({ pairs: ['name=-', 'count=1'], readStdin: async () => 'from-stdin\n' }));
    expect(one.ok && one.inputs.name).toBe('from-stdin');
    const file = await gatherInputs(target, sources({ files: ['-'], readStdin: async () => 'name: piped\ncount: 4\n' }));
    expect(file.ok && file.inputs).toMatchObject({ name: 'piped', count: 4 });
    const twice = await gatherInputs(target, sources({ files: ['-'], pairs: ['apiToken=-'], readStdin: async () => 'name: a\ncount: 1\n' }));
    expect(!twice.ok && twice.diagnostics.map((d) => d.code)).toEqual(['input-stdin-twice']);
  });
});

describe('issue 5 inputs: every problem at once, each naming its input, before any request', () => {
  it('missing, mistyped, out of range, not in enum, unreadable file: all reported with codes and pointers', async () => {
    const result = await gatherInputs(target, sources({ pairs: ['count=0', 'ratio=abc', 'size=medium', 'apiToken=@missing.txt', 'broken'] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byCode = result.diagnostics.map((d) => `${d.code}:${d.pointer ?? ''}`);
    expect(byCode).toEqual(expect.arrayContaining([
      'input-syntax:',
      'input-file-unreadable:/workflows/0/inputs/properties/apiToken',
      'input-type:/workflows/0/inputs/properties/ratio',
      'input-missing:/workflows/0/inputs/properties/name',
      'input-invalid:/workflows/0/inputs/properties/count',
      'input-invalid:/workflows/0/inputs/properties/size',
    ]));
    expect(result.diagnostics).toHaveLength(6);
    expect(result.diagnostics.every((d) => d.severity === 'error' && d.file !== undefined)).toBe(true);
    expect(result.diagnostics.find((d) => d.pointer?.endsWith('/size'))?.hint).toContain('"small", "large"');
  });

  it('a mistyped value is reported once (by its type), not again by the schema', async () => {
    const result = await gatherInputs(target, sources({ pairs: ['name=x', 'count=two'] }));
    expect(!result.ok && result.diagnostics.map((d) => d.code)).toEqual(['input-type']);
  });

  it('the raw values are returned even on failure, so secrets in them can be masked', async () => {
    const result = await gatherInputs(target, sources({ pairs: ['apiToken=tok-123'] }));
    expect(result.provided.apiToken).toBe('tok-123');
  });

  it('an --inputs file that is not a mapping, or not readable, is an error with its file', async () => {
    writeFileSync(path.join(dir, 'list.yaml'), '- a\n- b\n');
    const result = await gatherInputs(target, sources({ files: ['list.yaml', 'nope.yaml'], pairs: ['name=x', 'count=1'] }));
    expect(!result.ok && result.diagnostics.map((d) => [d.code, path.basename(d.file ?? '')])).toEqual([['inputs-file-invalid', 'list.yaml'], ['inputs-file-unreadable', 'nope.yaml']]);
  });

  it('an input the schema does not declare passes with a warning (likely a typo)', async () => {
    const result = await gatherInputs(target, sources({ pairs: ['name=x', 'count=1', 'nmae=y'] }));
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['input-undeclared']);
  });

  it('additionalProperties: false makes an undeclared input an error', async () => {
    const strict = { ...target, schema: { ...schema, additionalProperties: false } };
    const result = await gatherInputs(strict, sources({ pairs: ['name=x', 'count=1', 'nmae=y'] }));
    expect(!result.ok && result.diagnostics.map((d) => d.code)).toEqual(['input-unknown']);
  });
});
