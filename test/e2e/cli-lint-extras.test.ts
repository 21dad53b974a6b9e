// Issue 12 item 14: lint --fix (rewrites the file keeping comments and layout), --quiet (errors
// only), `arazzo rules` (every rule id with its default severity and description; --json), and
// --rule on run.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot, requireCliBuilt, runCli } from '../support/run-cli.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

beforeAll(requireCliBuilt);
const dir = useTempDir();
const FIXABLE = path.join(repoRoot, 'test/fixtures/cli/fixable/flow.arazzo.yml');
const lint = (...args: string[]): ReturnType<typeof runCli> => runCli(['lint', ...args, '--no-config'], { env: QUIET_ENV });

/** A copy next to a copy of the OpenAPI it refers to (../echo/echo-openapi.yml). */
function copyFixable(name: string): string {
  const folder = path.join(dir(), name, 'fixable');
  mkdirSync(folder, { recursive: true });
  mkdirSync(path.join(dir(), name, 'echo'), { recursive: true });
  copyFileSync(path.join(repoRoot, 'test/fixtures/cli/echo/echo-openapi.yml'), path.join(dir(), name, 'echo', 'echo-openapi.yml'));
  copyFileSync(FIXABLE, path.join(folder, 'flow.arazzo.yml'));
  return path.join(folder, 'flow.arazzo.yml');
}

describe('issue 12 item 14: lint --fix', () => {
  it('applies the fixes in place, changing only the fixed values; what is left is reported', async () => {
    const file = copyFixable('fix');
    const before = readFileSync(file, 'utf8');
    expect((await lint(file)).code).toBe(1);
    const fixed = await lint(file, '--fix', '--format', 'json');
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toMatch(/fixed 2 problems in .*flow\.arazzo\.yml/);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('$response.body.state ', '$response.body#/state ').replace('"$steps.pollState.state"', '"$steps.pollState.outputs.state"'));
    expect(after).toContain('# dot access: fixable');
    expect(after).toContain('# a comment that must stay');
    const left = JSON.parse(fixed.stdout) as { diagnostics?: Array<{ code: string }> } | Array<{ code: string }>;
    const codes = JSON.stringify(left);
    expect(codes).not.toContain('expression-dot-body');
    expect(codes).not.toContain('expression-steps-missing-outputs');
    expect((await lint(file, '--fix')).stderr).not.toContain('fixed');
  });

  it('without --fix the file is untouched', async () => {
    const file = copyFixable('nofix');
    await lint(file);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(FIXABLE, 'utf8'));
  });
});

describe('issue 12 item 14: lint --quiet', () => {
  it('reports errors only; the exit code is unchanged', async () => {
    const all = await lint(FIXABLE);
    const quiet = await lint(FIXABLE, '--quiet');
    expect(all.stdout).toContain('expression-dot-body');
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toContain('expression-steps-missing-outputs');
    expect(quiet.stdout).not.toContain('expression-dot-body');
    expect(quiet.stdout).not.toContain('step-description-missing');
  });

  it('--max-warnings still counts the warnings --quiet hides', async () => {
    const quiet = await lint(FIXABLE, '--quiet', '--rule', 'expression-steps-missing-outputs=off', '--max-warnings', '0');
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain('more than --max-warnings 0');
  });
});

describe('issue 12 item 14: arazzo rules', () => {
  it('lists every catalogue code with its default severity and description', async () => {
    const text = await runCli(['rules'], { env: QUIET_ENV });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}step-description-missing +info +Step has no description$/m);
    expect(text.stdout).toMatch(/^ {2}workflow-summary-missing +off +Workflow has no summary$/m);
    expect(text.stdout).toContain(`${Object.keys(CODES).length} rules.`);
  });

  it('--json: one entry per code, as the catalogue says', async () => {
    const json = await runCli(['rules', '--json'], { env: QUIET_ENV });
    const rows = JSON.parse(json.stdout) as Array<{ id: string; severity: string; stage: string; description: string }>;
    expect(rows.map((r) => r.id)).toEqual(Object.keys(CODES));
    expect(rows.find((r) => r.id === 'expression-dot-body')).toMatchObject({ severity: 'warning', stage: 'compile' });
  });
});

describe('issue 12 item 14: --rule on run', () => {
  const echo = useLoopbackServer(echoRoutes({ 'GET /echo/status/{state}': () => ({ body: { state: 'done' } }) }));
  it('an error rule turned off lets the run go; a rule raised to error stops it (exit 2, nothing sent)', async () => {
    const base = ['run', FIXABLE, '--no-config', '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0'];
    const refused = await runCli(base, { env: QUIET_ENV });
    expect(refused.code).toBe(2);
    const raised = await runCli([...base, '--rule', 'expression-steps-missing-outputs=off', '--rule', 'step-description-missing=error'], { env: QUIET_ENV });
    expect(raised.code).toBe(2);
    expect(raised.stderr).toContain('step-description-missing');
    expect(echo.server.requests).toHaveLength(0);
    const allowed = await runCli([...base, '-r', 'expression-steps-missing-outputs=off'], { env: QUIET_ENV });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(echo.server.requests).toHaveLength(1);
    const typo = await runCli([...base, '--rule', 'step-descripton-missing=off'], { env: QUIET_ENV });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('names no rule');
  });
});
