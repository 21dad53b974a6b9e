// Issue 12 item 12: one missing-file message for lint, run and describe; a missing file does not
// stop a multi-file lint; inputs-file problems say what is wrong without spurious extra errors;
// an unreachable server's reason is printed once. In-process through main(argv, io).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture } from './cli-helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const typed = echoFixture('typed-inputs.arazzo.yml');
const ORACLE = 'workflows/oracle-create-custom-image-from-instance-workflow.yml';

describe('issue 12 item 12: missing files', () => {
  it('lint, run and describe give the same file-not-found message, exit 2', async () => {
    const lint = await runCliInProcess(['lint', 'nope.yml']);
    const run = await runCliInProcess(['run', 'nope.yml']);
    const describeRun = await runCliInProcess(['describe', 'nope.yml']);
    for (const result of [lint, run, describeRun]) {
      expect(result.code).toBe(2);
      expect(`${result.stdout}${result.stderr}`).toMatch(/error\s+(file-not-found )?Workflow file \S*nope\.yml does not exist/);
    }
    expect(describeRun.stderr).not.toMatch(/no workflows to describe/);
  });

  it('a missing file does not stop a multi-file lint: the others are linted, exit 2', async () => {
    const result = await runCliInProcess(['lint', 'nope.yml', ORACLE]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/nope\.yml\n.*file-not-found/);
    expect(result.stdout).toMatch(/oracle-create-custom-image-from-instance-workflow\.yml\n/);
    expect(result.stdout).toMatch(/in 2 files/);
  });
});

describe('issue 12 item 12: inputs files', () => {
  const dryRun = (extra: string[]) => runCliInProcess(['run', typed, '--server', 'echoApi=http://127.0.0.1:9/echo', '--dry-run', ...extra]);

  it('a missing --inputs file is the one error (no "Required input" for what it would have held)', async () => {
    const result = await dryRun(['--inputs', path.join(dir, 'missing.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/inputs-file-unreadable/);
    expect(result.stderr).not.toMatch(/input-missing|Required input/);
  });

  it('a broken .json inputs file is reported as JSON, with its line', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{\n  "name": "x",\n}\n');
    const result = await dryRun(['--inputs', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.json:3:1 error inputs-file-json --inputs \S+ is not valid JSON/);
    expect(result.stderr).not.toMatch(/yaml-syntax/);
  });

  it('a type error from an inputs file shows the value and how to write it', async () => {
    const file = path.join(dir, 'typed.yaml');
    writeFileSync(file, 'name: x\ncount: many\n');
    const result = await dryRun(['--inputs', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Input "count" must be integer \(got "many"\)\n\s+hint: Give a value of type integer, e\.g\. count: 2/);
  });
});

describe('issue 12 item 12: an unreachable server', () => {
  it('its reason is printed once', async () => {
    const result = await runCliInProcess(['run', typed, '--server', 'echoApi=http://127.0.0.1:1/echo', '--input', 'name=x', '--input', 'count=1']);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/connection refused/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/request-failed: step send got no response/);
  });
});

describe('issue 12 item 16: a missing secret input', () => {
  it('the hint suggests ARAZZO_INPUT_<NAME> or @file, not a token on the command line', async () => {
    const result = await runCliInProcess(['run', 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml', '--input', 'name=n', '--input', 'imageName=i', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Required input "apiToken" was not given\n\s+hint: It is a secret: set ARAZZO_INPUT_API_TOKEN in the environment, or pass --input apiToken=@file/);
    expect(result.stderr).not.toMatch(/Pass --input apiToken=<value>/);
  });
});
