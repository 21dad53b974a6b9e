// Issue 5 "SIGINT/SIGTERM: stop after the request in flight, print and write the partial result
// (reports too), exit 130/143. Nothing already written is lost."
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLoopbackServer, type LoopbackReply } from '../support/loopback-server.js';
import { requireCliBuilt } from '../support/run-cli.js';
import { findAll, parseXml } from '../unit/report/parse-xml.js';
import { echoFixture, echoRoutes, spawnCli, useTempDir, waitUntil } from './cli-helpers.js';

beforeAll(requireCliBuilt);
const dir = useTempDir();
let hold: Promise<void> | undefined;
const echo = useLoopbackServer(echoRoutes({
  'GET /echo/status/{state}': async (): Promise<LoopbackReply> => {
    if (hold) await hold;
    return { body: { state: 'building' } };
  },
}));

interface PartialResult {
  status: string;
  error: { code: string; stepId: string };
  interruptedBy: string;
  steps: Array<{ stepId: string; executions: number; lastStatusCode?: number }>;
}

function start(name: string, pollInterval: string): ReturnType<typeof spawnCli> & { file(kind: string): string } {
  const file = (kind: string): string => path.join(dir(), `${name}.${kind}`);
  const cli = spawnCli(['run', echoFixture('poll.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', pollInterval, '--json',
    '--report', `json=${file('json')}`, '--report', `junit=${file('xml')}`, '--har', file('har')]);
  return { ...cli, file };
}

describe('issue 5 control: SIGINT mid-poll leaves a complete partial result and reports', () => {
  it('exit 130; stdout, the JSON report, JUnit and HAR all say aborted after the polls done so far', async () => {
    hold = undefined;
    const cli = start('sigint', '60s');
    // The first poll is done and the runner waits 60 s before the next: the signal lands mid-poll.
    await waitUntil(() => /✓ pollState/.test(cli.stderr()));
    cli.child.kill('SIGINT');
    const result = await cli.done;

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('SIGINT received');
    const stdout = JSON.parse(result.stdout) as PartialResult;
    expect(stdout).toMatchObject({ status: 'failed', error: { code: 'aborted', stepId: 'pollState' }, interruptedBy: 'SIGINT' });
    const polled = stdout.steps.find((s) => s.stepId === 'pollState')!;
    expect(polled).toMatchObject({ executions: 1, lastStatusCode: 200 });
    expect(echo.server.requests).toHaveLength(1);
    expect(JSON.parse(readFileSync(cli.file('json'), 'utf8'))).toEqual(stdout);
    const junit = parseXml(readFileSync(cli.file('xml'), 'utf8'));
    expect(findAll(junit, 'failure')[0]!.attributes).toMatchObject({ type: 'aborted' });
    const har = JSON.parse(readFileSync(cli.file('har'), 'utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(1);
  });

  it('SIGTERM: exit 143 with the same partial result', async () => {
    hold = undefined;
    const cli = start('sigterm', '60s');
    await waitUntil(() => /pollState/.test(cli.stderr()));
    cli.child.kill('SIGTERM');
    const result = await cli.done;
    expect(result.code).toBe(143);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'aborted' }, interruptedBy: 'SIGTERM' });
  });
});

describe('issue 5 control: the request in flight is finished, not cut', () => {
  it('a signal during a request lets it complete and records its response', async () => {
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const cli = start('inflight', '0');
    await waitUntil(() => echo.server.requests.length === 1);
    cli.child.kill('SIGINT');
    await waitUntil(() => cli.stderr().includes('SIGINT received'));
    release();
    const result = await cli.done;

    expect(result.code).toBe(130);
    const stdout = JSON.parse(result.stdout) as PartialResult;
    expect(stdout.steps.find((s) => s.stepId === 'pollState')).toMatchObject({ executions: 1, lastStatusCode: 200 });
    expect(echo.server.requests).toHaveLength(1);
    const har = JSON.parse(readFileSync(cli.file('har'), 'utf8')) as { log: { entries: Array<{ response: { status: number } }> } };
    expect(har.log.entries.map((e) => e.response.status)).toEqual([200]);
  });

  it('a second signal cancels the request in flight; the run still reports aborted and exits 130', async () => {
    hold = new Promise<void>(() => undefined);
    const cli = start('twice', '0');
    await waitUntil(() => echo.server.requests.length === 1);
    cli.child.kill('SIGINT');
    await waitUntil(() => cli.stderr().includes('SIGINT received'));
    cli.child.kill('SIGINT');
    const result = await cli.done;

    expect(result.code).toBe(130);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'failed', error: { code: 'aborted' } });
    expect(JSON.parse(readFileSync(cli.file('json'), 'utf8'))).toMatchObject({ error: { code: 'aborted' } });
  });
});
