// Issue 12 item 13: arazzo.config.yaml — found upward from the working directory, --config to
// name one, --no-config to skip it; rules, servers, serverVariables, inputs files, limits and
// named environments (--env). Precedence: flags > ARAZZO_* variables > --env section > base > defaults.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot, requireCliBuilt, runCli, type CliRun } from '../support/run-cli.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

beforeAll(requireCliBuilt);
const dir = useTempDir();
const echo = useLoopbackServer(echoRoutes({ 'GET /echo/status/{state}': (_request, { state }) => ({ body: { state } }) }));
const poll = path.join(repoRoot, echoFixture('poll.arazzo.yml'));

function project(name: string, config: string): { root: string; deep: string } {
  const root = path.join(dir(), name);
  const deep = path.join(root, 'sub', 'deeper');
  mkdirSync(deep, { recursive: true });
  writeFileSync(path.join(root, 'arazzo.config.yaml'), config);
  return { root, deep };
}
const run = (cwd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> => runCli(['run', poll, ...args], { cwd, env: { ...QUIET_ENV, ...env } });
const executions = (result: CliRun): number => (JSON.parse(result.stdout) as { steps: Array<{ executions: number }> }).steps[0]!.executions;

describe('issue 12 item 13: the config file', () => {
  it('is found upward from the working directory: its servers, limits and inputs files are used', async () => {
    const { root, deep } = project('upward', `# team defaults
servers:
  echoApi: ${echo.server.url}/echo
limits:
  pollInterval: 0
inputs: inputs.yaml
`);
    writeFileSync(path.join(root, 'inputs.yaml'), 'state: done\n');
    const result = await run(deep, ['--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(echo.server.requests.map((r) => r.path)).toEqual(['/echo/status/done']);
  });

  it('--env staging overrides the base key by key; --server still wins over both', async () => {
    const staging = await startLoopbackServer(echoRoutes({ 'GET /echo/status/{state}': () => ({ body: { state: 'done' } }) }));
    const { deep } = project('envs', `servers:
  echoApi: http://127.0.0.1:9/nowhere
limits: { pollInterval: 0 }
environments:
  staging:
    servers:
      echoApi: ${staging.url}/echo
`);
    expect((await run(deep, ['--env', 'staging', '--json'])).code).toBe(0);
    expect(staging.requests).toHaveLength(1);
    expect((await run(deep, ['--json'], { ARAZZO_ENV: 'staging' })).code).toBe(0);
    expect(staging.requests).toHaveLength(2);
    expect((await run(deep, ['--env', 'staging', '--server', `echoApi=${echo.server.url}/echo`, '--input', 'state=done'])).code).toBe(0);
    expect(staging.requests).toHaveLength(2);
    expect(echo.server.requests).toHaveLength(1);
  });

  it('limits: flag > ARAZZO_MAX_STEPS > --env section > base', async () => {
    const { deep } = project('limits', `servers: { echoApi: ${echo.server.url}/echo }
limits: { pollInterval: 0, maxSteps: 2 }
environments:
  ci: { limits: { maxSteps: 3 } }
`);
    const building = ['--input', 'state=building', '--json'];
    expect(executions(await run(deep, building))).toBe(2);
    expect(executions(await run(deep, [...building, '--env', 'ci']))).toBe(3);
    expect(executions(await run(deep, [...building, '--env', 'ci'], { ARAZZO_MAX_STEPS: '4' }))).toBe(4);
    expect(executions(await run(deep, [...building, '--env', 'ci', '--max-steps', '5'], { ARAZZO_MAX_STEPS: '4' }))).toBe(5);
  });

  it('an unknown key: exit 2 naming the file, line and the known keys; nothing sent', async () => {
    const { deep } = project('typo', `limits:
  pollInterval: 0
sever:
  echoApi: ${echo.server.url}/echo
`);
    const result = await run(deep, ['--input', 'state=done']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.\.\/\.\.\/arazzo\.config\.yaml:3:1 error config-unknown-key Unknown key "sever" in the config/);
    expect(result.stderr).toContain('Did you mean "servers"? Known keys: rules, servers, serverVariables, inputs, limits, proxy, cert, key, ca, environments.');
    expect(echo.server.requests).toHaveLength(0);
  });

  it('bad values name their line: a limit that is no duration, a rule that does not exist, an unknown --env', async () => {
    const { deep } = project('values', `limits:
  requestTimeout: soon
`);
    const limit = await run(deep, ['--input', 'state=done']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toMatch(/arazzo\.config\.yaml:2:\d+ error config-invalid limits\.requestTimeout "soon" is not a duration/);
    const rules = project('rules', 'rules:\n  step-descripton-missing: off\n');
    const lint = await runCli(['lint', poll], { cwd: rules.deep, env: QUIET_ENV });
    expect(lint.code).toBe(2);
    expect(lint.stderr).toMatch(/arazzo\.config\.yaml:2:3 error config-invalid Rule "step-descripton-missing" names no rule/);
    const env = await run(project('noenv', 'environments:\n  prod: {}\n').deep, ['--env', 'staging']);
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('Known environments: prod.');
    expect(echo.server.requests).toHaveLength(0);
  });

  it('rules apply to lint and run; --no-config skips the file; --config names one', async () => {
    const { root, deep } = project('lintrules', 'rules:\n  step-description-missing: error\n');
    expect((await runCli(['lint', poll], { cwd: deep, env: QUIET_ENV })).code).toBe(1);
    expect((await runCli(['lint', poll, '--no-config'], { cwd: deep, env: QUIET_ENV })).code).toBe(0);
    const refused = await run(deep, ['--server', `echoApi=${echo.server.url}/echo`, '--input', 'state=done']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('step-description-missing');
    const elsewhere = path.join(root, 'other.yaml');
    writeFileSync(elsewhere, 'rules:\n  step-description-missing: off\n');
    expect((await runCli(['lint', poll, '--config', elsewhere], { cwd: deep, env: QUIET_ENV })).code).toBe(0);
    expect((await runCli(['lint', poll, '--config', path.join(root, 'missing.yaml')], { cwd: deep, env: QUIET_ENV })).code).toBe(2);
  });
});
