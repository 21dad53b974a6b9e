// Issue 16 "arazzo test … with the usual reports (--report junit=…, TAP on request, GitHub
// annotations)": one passing and one failing scenario, each report read back by a parser.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml, type XmlElement } from '../support/parse-xml.js';
import { repoRoot } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

let dir: string;
let passing: string;
let failing: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'arazzo-scenario-reports-'));
  const seed = readFileSync(path.join(repoRoot, 'workflows/scenarios/sandbox-running.scenario.yaml'), 'utf8').replace('workflow: ../', `workflow: ${path.join(repoRoot, 'workflows')}/`);
  passing = path.join(dir, 'a-passing.scenario.yaml');
  failing = path.join(dir, 'b-failing.scenario.yaml');
  writeFileSync(passing, seed);
  writeFileSync(failing, seed.replace('sandboxState: started', 'sandboxState: stopped'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const elements = (node: XmlElement, name: string): XmlElement[] =>
  [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => (typeof child === 'string' ? [] : elements(child, name)))];

describe('issue 16: arazzo test reports', () => {
  it('--report junit=… is JUnit XML a parser reads: one case per scenario, the failing one with its difference', async () => {
    const target = path.join(dir, 'out', 'scenarios.xml');
    const run = await runCliInProcess(['test', passing, failing, '--report', `junit=${target}`], { cwd: dir });
    expect(run.code).toBe(1);
    const root = parseXml(readFileSync(target, 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '2', failures: '1' });
    const cases = elements(root, 'testcase');
    expect(cases).toHaveLength(2);
    const failures = elements(root, 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.children.join('')).toContain('outputs.sandboxState');
  });

  it('--format tap prints TAP version 14 on stdout: a plan, ok / not ok, the problems in a YAML block', async () => {
    const run = await runCliInProcess(['test', passing, failing, '--format', 'tap'], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('TAP version 14');
    expect(lines[1]).toBe('1..2');
    expect(lines.filter((l) => /^ok 1 - /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^not ok 2 - .*b-failing\.scenario\.yaml/.test(l))).toHaveLength(1);
    expect(run.stdout).toMatch(/\n {2}---\n {2}message: scenario failed\n {2}problems:\n {4}- ".*sandboxState/);
  });

  it('in GitHub Actions a failed scenario is an ::error annotation on its file; a bad --report kind is exit 2', async () => {
    const run = await runCliInProcess(['test', failing], { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^::error file=b-failing\.scenario\.yaml,line=1,title=scenario failed%3A .*::.*sandboxState/m);
    const bad = await runCliInProcess(['test', passing, '--report', 'xml=out.xml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--report xml=out.xml is not kind=path');
  });
});
