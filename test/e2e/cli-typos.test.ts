// Issue 12 items 5-6: typos and misplaced option values get an error that says what was meant,
// exit 2, and nothing is sent. In-process through main(argv, io).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { routeRequests, useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot } from '../support/run-cli.js';
import { echoFixture, echoRoutes } from './cli-helpers.js';

const echo = useLoopbackServer(echoRoutes());
const jobs = useLoopbackServer(routeRequests({ 'GET /regions/{region}/v1/jobs/{id}': (_request, { region }) => ({ body: { state: region } }) }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { NO_COLOR: '1' }, cwd: repoRoot };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-typos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const typed = echoFixture('typed-inputs.arazzo.yml');
const closed = echoFixture('closed-inputs.arazzo.yml');
const echoServer = (): string => `echoApi=${echo.server.url}/echo`;

describe('issue 12 item 5: --server-variable names a variable a server declares', () => {
  it('a misspelt variable is exit 2 naming the known ones, and nothing is sent', async () => {
    const host = new URL(jobs.server.url).host;
    const result = await cli(['run', 'test/fixtures/server-variables/workflow.arazzo.yaml', '--server-variable', `host=${host}`, '--server-variable', 'regoin=eu-frankfurt-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/server-variable-unknown --server-variable regoin: .*\(known: host, region\)/);
    expect(result.stderr).toMatch(/Did you mean "region"\?/);
    expect(jobs.server.requests).toHaveLength(0);
  });

  it('a run whose servers have no variables rejects any --server-variable', async () => {
    const result = await cli(['run', typed, '--server', echoServer(), '--input', 'name=n', '--input', 'count=1', '--server-variable', 'region=x', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['server-variable-unknown']);
    expect(echo.server.requests).toHaveLength(0);
  });
});

describe('issue 12 item 5: a misspelt --input says what was meant', () => {
  it('--input nmae=x keeps the "not declared" warning with "did you mean name?" next to the missing name', async () => {
    const result = await cli(['run', typed, '--server', echoServer(), '--input', 'nmae=x', '--input', 'count=1', '--json']);
    expect(result.code).toBe(2);
    const diagnostics = JSON.parse(result.stdout).diagnostics as Array<{ code: string; severity: string; hint: string; message: string }>;
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual(expect.arrayContaining([['input-missing', 'error'], ['input-undeclared', 'warning']]));
    expect(diagnostics.find((d) => d.code === 'input-undeclared')!.hint).toBe('Did you mean "name"?');
    expect(echo.server.requests).toHaveLength(0);
  });

  it('an open schema: a near miss (cont) runs on with a warning naming the declared input', async () => {
    const result = await cli(['run', typed, '--server', echoServer(), '--input', 'name=n', '--input', 'count=1', '--input', 'cont=2']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/input-undeclared Input "cont" is not declared[^\n]*\n\s+hint: Did you mean "count"\?/);
  });

  it('a closed schema (additionalProperties: false): an undeclared input is exit 2 with the suggestion, nothing sent', async () => {
    const result = await cli(['run', closed, '--server', echoServer(), '--input', 'name=n', '--input', 'count=1', '--input', 'cont=2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error input-unknown Input "cont" is not declared by the workflow\n\s+hint: Did you mean "count"\?/);
    expect(result.stderr).not.toMatch(/input-undeclared/);
    expect(echo.server.requests).toHaveLength(0);
  });
});

describe('issue 12 item 6: option values', () => {
  const runTyped = (extra: string[]) => cli(['run', typed, '--server', echoServer(), '--input', 'name=n', '--input', 'count=1', ...extra]);

  it('--report junit out.xml (two words) is --report junit=out.xml', async () => {
    const target = path.join(dir, 'two-words.xml');
    const result = await runTyped(['--report', 'junit', target]);
    expect(result.stderr).not.toMatch(/too many arguments/);
    expect(result.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/<testsuites/);
  });

  it('--report out.xml hints junit=out.xml, exit 2, nothing sent', async () => {
    const result = await runTyped(['--report', 'out.xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/hint: Write --report junit=out\.xml\./);
    expect(existsSync(path.join(repoRoot, 'out.xml'))).toBe(false);
    expect(echo.server.requests).toHaveLength(0);
  });

  it('--report junit with no path says it needs one', async () => {
    const result = await runTyped(['--report', 'junit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--report junit needs a path\n\s+hint: Write --report junit=<path>/);
  });

  it('lint --json is lint --format json', async () => {
    const result = await cli(['lint', '--json', 'workflows/oracle-create-custom-image-from-instance-workflow.yml']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBeTypeOf('object');
    expect((await cli(['lint', '--json', '--format', 'sarif', 'workflows/oracle-create-custom-image-from-instance-workflow.yml'])).code).toBe(2);
  });

  it('help nope says "unknown command" with exit 2; help run shows the run help', async () => {
    const unknown = await cli(['help', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error: unknown command 'nope'/);
    expect(unknown.stdout).toBe('');
    const typo = await cli(['help', 'lnit']);
    expect(typo.stderr).toMatch(/Did you mean "lint"\?/);
    const known = await cli(['help', 'run']);
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/Usage: arazzo run \[options\]/);
    const program = await cli(['help']);
    expect(program.code).toBe(0);
    expect(program.stdout).toMatch(/help \[command\]/);
  });
});

describe('issue 12 item 8: report paths are checked before anything is sent', () => {
  const runTyped = (extra: string[]) => cli(['run', typed, '--server', echoServer(), '--input', 'name=n', '--input', 'count=1', ...extra]);

  it('a --report path under a file is exit 2 and no request is made', async () => {
    const result = await runTyped(['--report', 'json=README.md/run.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--report json=README\.md\/run\.json: .*README\.md is not a directory/);
    expect(result.stderr).toMatch(/nothing was sent/);
    expect(echo.server.requests).toHaveLength(0);
  });

  it('a --har path that is a directory is exit 2 and no request is made', async () => {
    const result = await runTyped(['--har', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a directory/);
    expect(echo.server.requests).toHaveLength(0);
  });

  it('missing directories are fine: they are created when the report is written', async () => {
    const target = path.join(dir, 'new/nested/run.har');
    const result = await runTyped(['--har', target]);
    expect(result.code).toBe(0);
    expect(existsSync(target)).toBe(true);
  });
});
