// Issue 12 item 17: `arazzo completion bash|zsh|fish` prints a script generated from the commander
// program. Each script must parse in its shell (`bash -n`; zsh and fish only where installed), and
// the bash one is exercised: it completes commands, options, option choices and file names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { repoRoot } from '../support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function script(shell: string): Promise<string> {
  const result = await runCliInProcess(['completion', shell]);
  expect(result.code).toBe(0);
  const file = path.join(dir, `arazzo.${shell}`);
  writeFileSync(file, result.stdout);
  return file;
}
const installed = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** Runs the bash completion function for a command line; the last word is the one completed. */
function completeInBash(file: string, line: string[]): string[] {
  const words = line.map((w) => `'${w}'`).join(' ');
  const result = spawnSync('bash', ['-c', `source '${file}'; COMP_WORDS=(${words}); COMP_CWORD=${line.length - 1}; _arazzo; printf '%s\\n' "\${COMPREPLY[@]}"`], { cwd: repoRoot, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((w) => w !== '');
}

describe('issue 12 item 17: shell completion', () => {
  it('bash: the script parses and completes from the program itself', async () => {
    const file = await script('bash');
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    expect(completeInBash(file, ['arazzo', 'l'])).toEqual(['list', 'lint']);
    expect(completeInBash(file, ['arazzo', 'run', '--server-v'])).toEqual(['--server-variable']);
    expect(completeInBash(file, ['arazzo', 'lint', '--format', 's'])).toEqual(['stylish', 'sarif']);
    expect(completeInBash(file, ['arazzo', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(completeInBash(file, ['arazzo', 'run', 'workflows/oracle'])).toEqual(['workflows/oracle-create-custom-image-from-instance-workflow.yml']);
  });

  it.runIf(installed('zsh'))('zsh: the script parses', async () => {
    const result = spawnSync('zsh', ['-n', await script('zsh')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.runIf(installed('fish'))('fish: the script parses and completes option choices', async () => {
    const file = await script('fish');
    expect(spawnSync('fish', ['-n', file]).status).toBe(0);
    const result = spawnSync('fish', ['-c', `source '${file}'; complete -C 'arazzo lint --format '`], { encoding: 'utf8' });
    expect(result.stdout.split('\n').map((l) => l.split('\t')[0]).filter(Boolean).sort()).toEqual(['github', 'json', 'junit', 'sarif', 'stylish']);
  });

  it('every run option appears in every script (generated, so it cannot drift)', async () => {
    const help = (await runCliInProcess(['run', '--help'])).stdout;
    const options = [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!);
    expect(options.length).toBeGreaterThan(10);
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = (await runCliInProcess(['completion', shell])).stdout;
      for (const option of options) expect(text, `${shell} ${option}`).toContain(shell === 'fish' ? `-l ${option.slice(2)}` : option);
    }
  });

  it('an unknown shell is a usage error', async () => {
    const result = await runCliInProcess(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bash, zsh, fish/);
  });
});
