// Issue 12 item 10 (Arazzo 1.0.1 §Success Action Object, type end): a run that an `end` action
// ended says so in the terminal, the GitHub step summary and JUnit; `--fail-on-end all|<name>`
// makes such an ending exit 1 with error code fail-on-end.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot, type CliRun } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

const dir = useTempDir();
const echo = useLoopbackServer(echoRoutes({ 'GET /echo/status/{state}': (_request, { state }) => ({ body: { state } }) }));
const summary = (): string => path.join(dir(), 'summary.md');
const junit = (): string => path.join(dir(), 'junit.xml');
const pollDone = (...extra: string[]): Promise<CliRun> =>
  runCliInProcess(['run', echoFixture('poll.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0', '--input', 'state=done', '--report', `junit=${junit()}`, ...extra], {
    env: { ...QUIET_ENV, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary(), GITHUB_WORKSPACE: repoRoot },
  });

describe('issue 12 item 10: the ending step and action are shown', () => {
  it('terminal, step summary and JUnit name step pollState and end action "done"; exit 0', async () => {
    writeFileSync(summary(), '');
    const run = await pollDone();
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/poll succeeded \(ended by pollState → done\)/);
    const markdown = readFileSync(summary(), 'utf8');
    expect(markdown).toContain('### ✅ arazzo: `poll` succeeded');
    expect(markdown).toContain('Ended by step pollState through its end action "done".');
    expect(markdown).toMatch(/\| poll \| pollState \| ✅ succeeded \| 1 \| 200 \| [^|]+ \| end action "done" \|/);
    const xml = readFileSync(junit(), 'utf8');
    expect(xml).toMatch(/<testcase name="pollState"[^>]*>\s*<system-out>[^<]*ended by step pollState through its end action "done"<\/system-out>/);
    expect(xml).toContain('failures="0"');
  });
});

describe('issue 12 item 10: --fail-on-end', () => {
  for (const value of ['all', 'done']) {
    it(`--fail-on-end ${value}: exit 1, status failed, error fail-on-end at step pollState`, async () => {
      writeFileSync(summary(), '');
      const run = await pollDone('--fail-on-end', value, '--json');
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as { status: string; endedBy: unknown; error: { code: string; stepId: string; message: string } };
      expect(json.status).toBe('failed');
      expect(json.endedBy).toEqual({ stepId: 'pollState', action: 'done' });
      expect(json.error).toMatchObject({ code: 'fail-on-end', stepId: 'pollState' });
      expect(run.stderr).toMatch(/^::error file=[^\n]*::step pollState ended the workflow through its end action "done" \(--fail-on-end\)/m);
      expect(readFileSync(summary(), 'utf8')).toContain('### ❌ arazzo: `poll` failed');
      expect(readFileSync(junit(), 'utf8')).toMatch(/<failure message="step pollState ended the workflow[^"]*" type="fail-on-end">/);
    });
  }

  it('a name that is no success end action of the workflow: exit 2, a hint, nothing sent', async () => {
    const typo = await pollDone('--fail-on-end', 'dnoe');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--fail-on-end "dnoe" names no success end action');
    expect(typo.stderr).toContain('Did you mean "done"?');
    const goto = await pollDone('--fail-on-end', 'again');
    expect(goto.code).toBe(2);
    expect(goto.stderr).toContain('Known end actions: done');
    expect(echo.server.requests).toHaveLength(0);
  });

  it('a run that went past its last step (no end action) still exits 0 under --fail-on-end all', async () => {
    const past = await runCliInProcess(['run', echoFixture('sign-in.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--input', 'apiToken=abcdef', '--fail-on-end', 'all', '--json'], { env: QUIET_ENV });
    expect(past.code).toBe(0);
    expect(JSON.parse(past.stdout)).toMatchObject({ status: 'succeeded', endedBy: null });
  });
});
