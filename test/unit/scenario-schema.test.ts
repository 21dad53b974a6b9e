// Issue 16 "A scenario file (YAML, documented with a JSON Schema shipped in the package)": the
// schema in schema/scenario.schema.json accepts every seed scenario and rejects what the
// scenario reader rejects, so the two cannot drift apart.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src/scenario/read-scenario.js';

const root = path.resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schema/scenario.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-scenario-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD: Record<string, string> = {
  'unknown top key': 'workflow: a.yml\nresponses: {}\nexpectt: {}\n',
  'no workflow': 'responses: {}\n',
  'status not HTTP': 'workflow: a.yml\nresponses:\n  op: { status: 42 }\n',
  'unknown response key': 'workflow: a.yml\nresponses:\n  op: { stauts: 200 }\n',
  'header not text': 'workflow: a.yml\nresponses:\n  op: { headers: { x: 1 } }\n',
  'empty sequence': 'workflow: a.yml\nresponses:\n  op: []\n',
  'expect status': 'workflow: a.yml\nresponses: {}\nexpect: { status: done }\n',
  'expect steps': 'workflow: a.yml\nresponses: {}\nexpect: { steps: [1] }\n',
  'expected request header not text': 'workflow: a.yml\nresponses: {}\nexpect: { requests: { op: { headers: { x: 1 } } } }\n',
  'unknown expected request key': 'workflow: a.yml\nresponses: {}\nexpect: { requests: { op: [ { bdy: {} } ] } }\n',
  'no expected request': 'workflow: a.yml\nresponses: {}\nexpect: { requests: { op: [] } }\n',
};

describe('issue 16: the scenario JSON Schema', () => {
  it('is valid 2020-12 (ajv strict) and accepts every seed scenario in workflows/scenarios', () => {
    const files = readdirSync(path.join(root, 'workflows/scenarios')).filter((f) => f.endsWith('.scenario.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) expect(validate(parse(readFileSync(path.join(root, 'workflows/scenarios', file), 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it.each(Object.entries(BAD))('rejects what the reader rejects: %s', async (_name, text) => {
    expect(validate(parse(text))).toBe(false);
    const file = path.join(dir, `${_name.replace(/\W+/g, '-')}.scenario.yaml`);
    writeFileSync(file, text);
    expect((await readScenario(file)).ok).toBe(false);
  });
});
