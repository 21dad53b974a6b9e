// Issue 12 item 9: a failed step shows what the server said — a short, masked excerpt of the
// response body in the terminal, in --json (steps[].response), in JUnit and in the GitHub
// annotation and step summary — and suggests --verbose.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot, type CliRun } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

const dir = useTempDir();
const CANARY = 'cAnArY t0k/en+4=2&zz';
const PREFIX = '{"message":"Invalid credentials","note":"';
// The canary starts a few characters before the excerpt's cut: cutting before masking would leak its head.
const NOTE = 'n'.repeat(296 - PREFIX.length - '","token":"'.length);
const echo = useLoopbackServer(echoRoutes({
  'POST /echo/echo': (request) => ({ status: 401, body: { message: 'Invalid credentials', note: NOTE, token: (request.body as { token?: string }).token } }),
}));
const signIn = (...extra: string[]): Promise<CliRun> =>
  runCliInProcess(['run', echoFixture('sign-in.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--input', `apiToken=${CANARY}`, ...extra], {
    env: { ...QUIET_ENV, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir(), 'summary.md'), GITHUB_WORKSPACE: repoRoot },
  });
const expectMasked = (sink: string, text: string): void => {
  for (const leak of [CANARY, 'cAnA', 't0k', encodeURIComponent(CANARY)]) expect(text.includes(leak), `${sink} leaks ${leak}`).toBe(false);
};

describe('issue 12 item 9: a failed step shows a masked excerpt of the response', () => {
  let run: CliRun;
  const junit = (): string => path.join(dir(), 'junit.xml');
  beforeAll(async () => {
    writeFileSync(path.join(dir(), 'summary.md'), '');
    run = await signIn('--json', '--report', `junit=${junit()}`);
  });

  it('--json: steps[].response has the status, content type and a cut, masked body', () => {
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { steps: Array<{ stepId: string; response?: { status: number; contentType: string; bodyExcerpt: string; truncated: boolean } }> };
    const response = json.steps[0]!.response!;
    expect(response.status).toBe(401);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(response.bodyExcerpt.startsWith('{"message":"Invalid credentials"')).toBe(true);
    expect(response.truncated).toBe(true);
    expect(response.bodyExcerpt.length).toBeLessThanOrEqual(301);
    expect(response.bodyExcerpt.endsWith('"token":"***"…')).toBe(true);
    expectMasked('stdout', run.stdout);
  });

  it('terminal: the response line and a --verbose hint after the failure', () => {
    expect(run.stderr).toMatch(/step-failed: step signIn failed: .*HTTP status 401\n\s+response HTTP 401 application\/json[^:]*: \{"message":"Invalid credentials"/);
    expect(run.stderr).toContain('run again with --verbose');
    expectMasked('stderr', run.stderr);
  });

  it('GitHub annotation and step summary quote the response', () => {
    expect(run.stderr).toMatch(/^::error [^\n]*::step signIn failed[^\n]*%0Aresponse: HTTP 401[^\n]*Invalid credentials/m);
    const summary = readFileSync(path.join(dir(), 'summary.md'), 'utf8');
    expect(summary).toContain('Response: `HTTP 401');
    expectMasked('summary', summary);
  });

  it('JUnit: the failure detail carries the response', () => {
    const xml = readFileSync(junit(), 'utf8');
    expect(xml).toMatch(/<failure [^>]*>[^<]*response: HTTP 401 application\/json[^<]*Invalid credentials/);
    expectMasked('junit', xml);
  });

  it('with --verbose the hint is left out (the whole exchange is already shown)', async () => {
    const verbose = await signIn('--verbose');
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toContain('response HTTP 401');
    expect(verbose.stderr).not.toContain('run again with --verbose');
    expectMasked('stderr --verbose', verbose.stderr);
  });

  it('a step that succeeds carries no response', async () => {
    echo.server.setHandler(echoRoutes());
    const ok = await signIn('--json');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { steps: Array<Record<string, unknown>> }).steps[0]).not.toHaveProperty('response');
  });
});
