// Issue 12 "Failures that explain themselves": a YAML syntax error shows the line it is on with a
// caret under the column, in `run`'s messages and `lint`'s stylish output; an --inputs file (it may
// hold secrets) never has its text echoed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/report/format-diagnostic.js';
import { plainStyle } from '../../src/report/style-text.js';
import { repoRoot } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'arazzo-excerpt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('issue 12: YAML syntax errors show the source line and a caret', () => {
  it('run: the tab-indented line, then a caret under column 1, exit 2', async () => {
    const file = write('tab.yml', 'arazzo: 1.0.1\ninfo:\n\ttitle: x\n');
    const run = await runCliInProcess(['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tab.yml:3:1');
    expect(run.stderr).toContain('  3 | \ttitle: x\n    | ^\n');
  });

  it('lint stylish: the caret sits under the column the parser names', async () => {
    const file = write('flow.yml', 'arazzo: 1.0.1\ninfo: {title: x, version: "1"\nworkflows: []\n');
    const lint = await runCliInProcess(['lint', file]);
    expect(lint.code).toBe(1);
    const place = /(\d+):(\d+)\s+error/.exec(lint.stdout);
    expect(place).not.toBeNull();
    const [line, column] = [Number(place![1]), Number(place![2])];
    const source = 'arazzo: 1.0.1\ninfo: {title: x, version: "1"\nworkflows: []\n'.split('\n')[line - 1]!;
    expect(lint.stdout).toContain(`${line} | ${source}\n`);
    expect(lint.stdout).toContain(`${' '.repeat(String(line).length)} | ${' '.repeat(column - 1)}^`);
  });

  it('a long line is cut around the column, so the caret stays under it', () => {
    const long = `key: ${'a'.repeat(300)} [unclosed`;
    const text = formatDiagnostic(makeDiagnostic('yaml-syntax', 'error', 'bad', { file: '/x.yml', line: 2, column: 290, sourceLine: long }), plainStyle);
    const [shown, caret] = text.split('\n').slice(1, 3);
    expect(shown!.length).toBeLessThan(140);
    expect(shown![caret!.indexOf('^')]).toBe(long[289]);
    expect(shown).toContain('…');
  });

  it('an --inputs file with a syntax error is placed (file:line:col) but its text is never printed', async () => {
    const flow = path.join(repoRoot, 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml');
    const inputs = write('inputs.yaml', 'name: a\n\tapiToken: canary-sekret-99\n');
    const run = await runCliInProcess(['run', flow, '--inputs', inputs]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('inputs.yaml');
    expect(run.stderr + run.stdout).not.toContain('canary-sekret-99');
  });
});
