// Issue 5 "In GitHub Actions": ::error annotations at the workflow file and line of the failing
// step, and a Markdown summary appended to $GITHUB_STEP_SUMMARY.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { repoRoot } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

const dir = useTempDir();
const echo = useLoopbackServer(echoRoutes({ 'GET /echo/status/{state}': (_request, { state }) => ({ body: { state } }) }));
const workflow = echoFixture('poll.arazzo.yml');
const lineOf = (file: string, text: string): number => readFileSync(path.join(repoRoot, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
const summary = (): string => path.join(dir(), 'summary.md');
const github = (): Record<string, string | undefined> => ({ ...QUIET_ENV, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary(), GITHUB_WORKSPACE: repoRoot });
const poll = (state: string, env: Record<string, string | undefined>, ...extra: string[]): ReturnType<typeof runCliInProcess> =>
  runCliInProcess(['run', workflow, '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0', '--input', `state=${state}`, ...extra], { env });

describe('issue 5 GitHub Actions: a failed run is annotated at the failing step', () => {
  it('::error file=<repo path>,line=<line of the step>::<step, criterion, status>', async () => {
    writeFileSync(summary(), '# earlier content\n');
    const result = await poll('failed', github(), '--json');
    expect(result.code).toBe(1);
    const annotations = result.stderr.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    const match = /^::error file=([^,]+),line=(\d+),col=(\d+),title=[^:]+::(.*)$/.exec(annotations[0]!);
    expect(match?.[1]).toBe(workflow);
    expect(Number(match?.[2])).toBe(lineOf(workflow, '- stepId: pollState'));
    expect(match?.[4]).toMatch(/pollState.*\$response\.body#\/state != 'failed'.*HTTP status 200/);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('the step summary is appended, keeping what earlier steps wrote', () => {
    const markdown = readFileSync(summary(), 'utf8');
    expect(markdown.startsWith('# earlier content\n')).toBe(true);
    expect(markdown).toContain('### ❌ arazzo: `poll` failed');
    expect(markdown).toMatch(/\| poll \| pollState \| ❌ failed \| 1 \| 200 \|/);
  });

  it('an input error (exit 2) is annotated at the input declaration', async () => {
    const result = await runCliInProcess(['run', echoFixture('typed-inputs.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--input', 'name=x', '--input', 'count=zero'], { env: github() });
    expect(result.code).toBe(2);
    // The place is the input's schema, which starts on the line after "count:".
    const line = lineOf(echoFixture('typed-inputs.arazzo.yml'), 'count:') + 1;
    expect(result.stderr).toContain(`::error file=${echoFixture('typed-inputs.arazzo.yml')},line=${line},col=11,title=arazzo input-type::Input "count"`);
  });

  it('outside GitHub Actions there are no workflow commands and no summary', async () => {
    writeFileSync(summary(), '');
    const result = await poll('failed', { ...QUIET_ENV, GITHUB_STEP_SUMMARY: summary() });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^::/m);
    expect(readFileSync(summary(), 'utf8')).toBe('');
  });
});
