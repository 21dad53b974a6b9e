// Issue 2 "The CLI contract": --help lists examples and the exit codes; --version prints package.json's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const EXIT_CODE_LINES = [/^\s+0\s/m, /^\s+1\s/m, /^\s+2\s/m, /130/];

describe('issue 2 CLI contract: --help', () => {
  it('arazzo --help: commands, examples and the exit-code table on stdout, exit 0', async () => {
    const result = await runCliInProcess(['--help']);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\s+run \[options\] <files\.\.\.>/m);
    expect(result.stdout).toMatch(/^\s+lint /m);
    expect(result.stdout).toMatch(/^Examples:\n\s+\$ arazzo run /m);
    expect(result.stdout).toContain('Exit codes:');
    for (const line of EXIT_CODE_LINES) expect(result.stdout).toMatch(line);
  });

  it('arazzo run --help: every run option, examples and exit codes', async () => {
    const result = await runCliInProcess(['run', '--help']);

    expect(result.code, result.stderr).toBe(0);
    for (const option of ['--workflow', '--input', '--server', '--server-variable', '--poll-interval', '--max-steps', '--timeout', '--json']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toMatch(/^Examples:\n\s+\$ arazzo run /m);
    expect(result.stdout).toContain('Exit codes:');
  });

  it('`arazzo help run` is help too (exit 0); bare `arazzo` is a usage error (exit 2)', async () => {
    expect((await runCliInProcess(['help', 'run'])).code).toBe(0);
    const bare = await runCliInProcess([]);
    expect(bare.code, bare.stderr).toBe(2);
    expect(bare.stderr).toContain('Usage: arazzo');
  });
});

describe('issue 2 CLI contract: --version', () => {
  it("prints package.json's version and nothing else", async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const result = await runCliInProcess(['--version']);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });
});
