// Issue 5 "arazzo describe <file> (or list)", "--dry-run" and "--help for every command with examples".
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { parseJsonStdout, repoRoot } from '../support/run-cli.js';
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

describe('issue 14 --dry-run of an AsyncAPI step (Arazzo 1.1.0 §Step Object action): the first message, built as the run builds it, nothing published', () => {
  const flow = 'test/fixtures/asyncapi/mixed.arazzo.yaml';

  it('a send: address with its channel parameters, headers, payload; a secret header value is masked', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-dry-msg-'));
    try {
      cpSync(path.join(repoRoot, 'test/fixtures/asyncapi'), dir, { recursive: true });
      // The payment step first, its header from a secret input.
      const text = readFileSync(path.join(dir, 'mixed.arazzo.yaml'), 'utf8')
        .replace('requestId: { type: string }', 'requestId: { type: string, format: password }')
        .replace(/(  steps:\n)([\s\S]*?)(  - stepId: requestPayment\n[\s\S]*?)(  outputs:)/, '$1$3$2$4')
        .replace('    dependsOn: [confirmation]\n', '')
        .replace('orderId: $steps.confirmation.outputs.orderId\n        amount', 'orderId: $inputs.petId\n        amount');
      writeFileSync(path.join(dir, 'pay-first.arazzo.yaml'), text);
      const result = await runCliInProcess(['run', path.join(dir, 'pay-first.arazzo.yaml'), '--dry-run', '--json', '--input', 'requestId=hush-123', '--input', 'petId=3', '--server', 'paymentEvents=amqp://127.0.0.1:1'], { env: QUIET_ENV });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        status: 'dry-run',
        requests: [{ stepId: 'requestPayment', message: { action: 'send', protocol: 'amqp', server: 'amqp://127.0.0.1:1', address: 'payments/eu/requested', headers: { orderrequestid: '***' }, payload: { orderId: 3, amount: 42 } }, unresolved: [] }],
      });
      expect(result.stdout).not.toContain('hush-123');
      const human = await runCliInProcess(['run', path.join(dir, 'pay-first.arazzo.yaml'), '--dry-run', '--input', 'requestId=hush-123', '--input', 'petId=3'], { env: QUIET_ENV });
      expect(human.stdout).toContain('send to payments/eu/requested on amqp://localhost:5672');
      expect(human.stdout).toMatch(/"amount": 42/);
      expect(human.stdout).not.toContain('hush-123');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a receive: where it would wait, for which correlation id and how long', async () => {
    const result = await runCliInProcess(['run', flow, '--dry-run', '--input', 'requestId=r-9', '--input', 'petId=3'], { env: QUIET_ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('receive from orders/confirmed on mqtt://localhost:1883, correlation id r-9, waiting up to 2000 ms');
    expect(result.stdout).toContain('Dry run: nothing was sent.');
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
