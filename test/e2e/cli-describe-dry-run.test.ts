// Issue 5 "arazzo describe <file> (or list)", "--dry-run" and "--help for every command with examples".
import { describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { parseJsonStdout } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV } from './cli-helpers.js';

const echo = useLoopbackServer(echoRoutes());
const seed = 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml';

interface Description {
  workflows: Array<{ workflowId: string; inputs: Array<{ name: string; type: string; required: boolean; secret: boolean; description?: string }>; steps: Array<{ stepId: string }>; outputs: string[] }>;
}

describe('issue 5 describe: the workflows, their inputs, steps and outputs', () => {
  it('--json lists every input with type, required, secret and description', async () => {
    const result = await runCliInProcess(['describe', seed, '--json'], { env: QUIET_ENV });
    expect(result.code).toBe(0);
    const json = parseJsonStdout(result) as unknown as Description;
    const [workflow] = json.workflows;
    expect(workflow!.workflowId).toBe('build-and-activate-snapshot');
    expect(workflow!.inputs.map((i) => [i.name, i.type, i.required, i.secret])).toEqual([
      ['apiToken', 'string', true, true],
      ['name', 'string', true, false],
      ['imageName', 'string', true, false],
      ['cpu', 'integer', false, false],
      ['memory', 'integer', false, false],
      ['disk', 'integer', false, false],
    ]);
    expect(workflow!.inputs.every((i) => typeof i.description === 'string')).toBe(true);
    expect(workflow!.steps.map((s) => s.stepId)).toEqual(['createSnapshot', 'pollBuild', 'activateSnapshot']);
    expect(workflow!.outputs).toEqual(['snapshotId', 'state']);
  });

  it('list is an alias; the text form shows inputs and how to run it', async () => {
    const result = await runCliInProcess(['list', seed], { env: QUIET_ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/apiToken +string, required, secret/);
    expect(result.stdout).toContain(`arazzo run ${seed} --workflow build-and-activate-snapshot --input apiToken=<string>`);
  });

  it('a file that does not exist is exit 2', async () => {
    const result = await runCliInProcess(['describe', 'no/such/file.yml', '--json'], { env: QUIET_ENV });
    expect(result.code).toBe(2);
    expect(parseJsonStdout(result)).toMatchObject({ status: 'invalid', diagnostics: [{ code: 'file-not-found' }] });
  });
});

describe('issue 5 control: --dry-run validates, prints the first request, sends nothing', () => {
  it('prints method, URL, headers and body of the first request', async () => {
    const result = await runCliInProcess(['run', echoFixture('typed-inputs.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--input', 'name=n', '--input', 'count=3', '--dry-run'], { env: QUIET_ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`POST ${echo.server.url}/echo/echo`);
    expect(result.stdout).toContain('Content-Type: application/json');
    expect(result.stdout).toContain('{"name":"n","count":3,"size":"small"}');
    expect(echo.server.requests).toHaveLength(0);
  });

  it('--json gives the request as data; secrets in headers are masked', async () => {
    const result = await runCliInProcess(['run', seed, '--server', `snapshotsApi=${echo.server.url}`, '--input', 'apiToken=dtn_secret_value', '--input', 'name=s', '--input', 'imageName=ubuntu:22.04', '--dry-run', '--json'], { env: QUIET_ENV });
    expect(result.code).toBe(0);
    expect(parseJsonStdout(result)).toMatchObject({
      status: 'dry-run',
      requests: [{ workflowId: 'build-and-activate-snapshot', stepId: 'createSnapshot', method: 'POST', url: `${echo.server.url}/api/snapshots`, headers: { Authorization: '***' } }],
    });
    expect(result.stdout).not.toContain('dtn_secret_value');
    expect(echo.server.requests).toHaveLength(0);
  });

  it('still refuses bad inputs with exit 2', async () => {
    const result = await runCliInProcess(['run', seed, '--input', 'apiToken=x', '--dry-run'], { env: QUIET_ENV });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('issue 5 control: --help for every command, with examples and the exit codes', () => {
  for (const command of ['run', 'describe', 'lint']) {
    it(`arazzo ${command} --help`, async () => {
      const result = await runCliInProcess([command, '--help'], { env: QUIET_ENV });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).toMatch(/Exit codes/);
    });
  }

  it('run --help documents the new options and the inputs precedence', async () => {
    const result = await runCliInProcess(['run', '--help'], { env: QUIET_ENV });
    for (const option of ['--inputs', '--report', '--har', '--dry-run', '--log-level', '--log-format', '--no-mask', 'ARAZZO_INPUT_', '130']) expect(result.stdout).toContain(option);
  });
});
