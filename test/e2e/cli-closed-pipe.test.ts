// Issue 12 item 4: a reader that closes its end of the pipe (`| head -3`, `| true`) ends the CLI
// quietly with the command's own exit code, not "internal error: write EPIPE" and exit 1.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';
import { echoFixture, echoRoutes, QUIET_ENV } from './cli-helpers.js';

beforeAll(requireCliBuilt);
const echo = useLoopbackServer(echoRoutes());

/** Spawns the CLI with stdout on a real pipe whose reading end is closed before the CLI writes. */
function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...QUIET_ENV };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

describe('issue 12 item 4: a closed stdout pipe ends quietly', () => {
  it('--help | head: exit 0, nothing on stderr', async () => {
    const result = await runWithClosedStdout(['run', '--help']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('describe … | true: exit 0, nothing on stderr', async () => {
    const result = await runWithClosedStdout(['describe', 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('run … --json | true: the run still happens and exits 0', async () => {
    const args = ['run', echoFixture('typed-inputs.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--input', 'name=n', '--input', 'count=1', '--json'];
    const result = await runWithClosedStdout(args);
    expect(result.stderr).not.toMatch(/EPIPE|internal error/);
    expect(result.code).toBe(0);
    expect(echo.server.requests).toHaveLength(1);
  });

  it('a run that fails still exits 1 through a closed pipe', async () => {
    const args = ['run', echoFixture('typed-inputs.arazzo.yml'), '--server', `echoApi=http://127.0.0.1:1/echo`, '--input', 'name=n', '--input', 'count=1', '--json'];
    const result = await runWithClosedStdout(args);
    expect(result.stderr).not.toMatch(/EPIPE|internal error/);
    expect(result.code).toBe(1);
  });
});
