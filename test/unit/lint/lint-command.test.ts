// Issue 4 "How it reports": formats, several files and globs, --rule, --max-warnings, exit codes
// 0/1/2 — the CLI run in-process (main(argv, io)), files in a temporary directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { findAll, parseXml } from '../report/parse-xml.js';
import { document, writeDocument } from './lint-document.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function lint(cwd: string, ...args: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1' },
    cwd,
  };
  const code = await main(['lint', ...args], io);
  return { code, stdout, stderr };
}

const clean = document(`
  - workflowId: w
    description: d
    steps:
      - stepId: list
        description: d
        operationId: listPets
`);

const warned = clean.replace('stepId: list', 'stepId: list pets');
const broken = clean.replace('operationId: listPets', 'operationId: listPetz');

/** A directory with clean.arazzo.yaml, warned.arazzo.yaml, broken.arazzo.yaml and the fixture API. */
function workspace(): string {
  const dir = path.dirname(writeDocument(clean, 'clean.arazzo.yaml'));
  writeFileSync(path.join(dir, 'warned.arazzo.yaml'), warned);
  writeFileSync(path.join(dir, 'broken.arazzo.yaml'), broken);
  return dir;
}

describe('issue 4 exit codes: 0 no errors, 1 errors, 2 usage', () => {
  it('0 for a clean file and for warnings only', async () => {
    const dir = workspace();
    expect((await lint(dir, 'clean.arazzo.yaml')).code).toBe(0);
    expect((await lint(dir, 'warned.arazzo.yaml')).code).toBe(0);
  });

  it('1 when a file has an error', async () => {
    const dir = workspace();
    const result = await lint(dir, 'clean.arazzo.yaml', 'broken.arazzo.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('operation-not-found');
  });

  it('2 for a file that does not exist; the other files are still linted (issue 12 item 12)', async () => {
    const dir = workspace();
    const result = await lint(dir, 'broken.arazzo.yaml', 'missing.yaml');
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/missing\.yaml[\s\S]*file-not-found/);
    expect(result.stdout).toContain('operation-not-found');
  });

  it('2 for a pattern that matches nothing, a bad --rule and a bad --max-warnings', async () => {
    const dir = workspace();
    expect((await lint(dir, 'nothing/*.yaml')).code).toBe(2);
    expect((await lint(dir, 'clean.arazzo.yaml', '--rule', 'no-such-rule=off')).code).toBe(2);
    expect((await lint(dir, 'clean.arazzo.yaml', '--rule', 'step-id-pattern=loud')).code).toBe(2);
    expect((await lint(dir, 'clean.arazzo.yaml', '--max-warnings', 'many')).code).toBe(2);
  });
});

describe('issue 4 --max-warnings N and --rule id=off|warn|error', () => {
  it('--max-warnings 0 turns a warning into exit 1; a higher limit keeps 0', async () => {
    const dir = workspace();
    expect((await lint(dir, 'warned.arazzo.yaml', '--max-warnings', '0')).code).toBe(1);
    expect((await lint(dir, 'warned.arazzo.yaml', '--max-warnings', '5')).code).toBe(0);
  });

  it('--rule makes a warning an error, and an error off', async () => {
    const dir = workspace();
    const upgraded = await lint(dir, 'warned.arazzo.yaml', '--rule', 'step-id-pattern=error', '--format', 'json');
    expect(upgraded.code).toBe(1);
    expect(JSON.parse(upgraded.stdout).diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity])).toContainEqual(['step-id-pattern', 'error']);
    const silenced = await lint(dir, 'broken.arazzo.yaml', '--rule', 'operation-not-found=off', '--format', 'json');
    expect(silenced.code).toBe(0);
    expect(JSON.parse(silenced.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('operation-not-found');
  });

  it('prefix-* covers a family of rules', async () => {
    const dir = workspace();
    const result = await lint(dir, 'warned.arazzo.yaml', '--rule', 'step-*=off', '--format', 'json');
    expect(JSON.parse(result.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('step-id-pattern');
  });
});

describe('issue 4 several files and globs in one call', () => {
  it('expands a quoted glob itself, recursively with **', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(path.join(dir, 'nested', 'deeper', 'more.arazzo.yaml'), clean.replace('./api.openapi.yaml', '../../api.openapi.yaml'));
    const result = await lint(dir, '**/*.arazzo.yaml', '--format', 'json');
    const files = JSON.parse(result.stdout).files.map((f: { file: string }) => f.file);
    expect(files).toEqual(['broken.arazzo.yaml', 'clean.arazzo.yaml', path.join('nested', 'deeper', 'more.arazzo.yaml'), 'warned.arazzo.yaml']);
  });

  it('issue 11: a reversed range (lint \'workflows/[z-a]*.yml\') is a usage error naming the range, not an internal error', async () => {
    const result = await lint(workspace(), 'workflows/[z-a]*.yml');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the range [z-a] is reversed');
    expect(result.stderr).not.toContain('internal error');
  });

  it('{a,b} alternatives and ? match as in a shell', async () => {
    const dir = workspace();
    const result = await lint(dir, '{clean,warned}.arazzo.y?ml', '--format', 'json');
    expect(JSON.parse(result.stdout).files.map((f: { file: string }) => f.file)).toEqual(['clean.arazzo.yaml', 'warned.arazzo.yaml']);
  });
});

describe('issue 4 formats: stylish (default), json, github, sarif, junit', () => {
  it('stylish: file, line:col, severity, message, rule id; no colour without a TTY', async () => {
    const result = await lint(workspace(), 'broken.arazzo.yaml');
    expect(result.stdout).toMatch(/broken\.arazzo\.yaml\n {2}\d+:\d+ +error +.+ operation-not-found/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('json: counts, files and each diagnostic with ruleId, line, pointer and hint', async () => {
    const result = await lint(workspace(), 'broken.arazzo.yaml', '--format', 'json');
    const json = JSON.parse(result.stdout);
    expect(json.errors).toBe(1);
    expect(json.diagnostics.find((d: { severity: string }) => d.severity === 'error')).toMatchObject({ ruleId: 'operation-not-found', code: 'operation-not-found', severity: 'error', line: 11, pointer: '/workflows/0/steps/0/operationId' });
  });

  it('github: one ::error annotation per problem with file, line and col', async () => {
    const result = await lint(workspace(), 'broken.arazzo.yaml', '--format', 'github');
    expect(result.stdout).toMatch(/^::error file=broken\.arazzo\.yaml,line=11,col=\d+,title=operation-not-found%3A [^:]+::No operation/m);
  });

  it('sarif: 2.1.0 with the rule described and the result located', async () => {
    const sarif = JSON.parse((await lint(workspace(), 'broken.arazzo.yaml', '--format', 'sarif')).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'operation-not-found');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('operation-not-found');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'broken.arazzo.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 11 } });
  });

  it('junit: a testsuite per file; errors fail, clean files pass', async () => {
    const xml = (await lint(workspace(), 'broken.arazzo.yaml', 'clean.arazzo.yaml', '--format', 'junit')).stdout;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    const root = parseXml(xml);
    expect(root.attributes).toMatchObject({ name: 'arazzo lint', failures: '1' });
    expect(root.attributes.tests).toMatch(/^\d+$/);
    const [broken, clean] = findAll(root, 'testsuite');
    expect(broken!.attributes).toMatchObject({ name: 'broken.arazzo.yaml', failures: '1' });
    expect(findAll(broken!, 'failure').map((f) => f.attributes.type)).toEqual(['operation-not-found']);
    expect(clean!.attributes).toMatchObject({ name: 'clean.arazzo.yaml', tests: '1', failures: '0' });
    expect(clean!.children.map((c) => [c.name, c.attributes.classname, c.attributes.name, c.children.length])).toEqual([['testcase', 'clean.arazzo.yaml', 'lint', 0]]);
  });
});
