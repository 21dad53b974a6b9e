// Issue 5 "Reports for CI": --report junit=<path>, --report json=<path> and --har <path>, several
// at once; the JUnit file is parsed back; the JSON report is the --json result.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../support/loopback-server.js';
import { parseJsonStdout } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { findAll, parseXml } from '../unit/report/parse-xml.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

const dir = useTempDir();
let polls = 0;
const echo = useLoopbackServer(echoRoutes({
  'GET /echo/status/{state}': (_request, { state }) => ({ body: { state: state === 'building' && ++polls >= 3 ? 'done' : state } }),
}));
const file = (name: string): string => path.join(dir(), name);
const poll = (state: string, extra: string[]): ReturnType<typeof runCliInProcess> => {
  polls = 0;
  return runCliInProcess(['run', echoFixture('poll.arazzo.yml'), '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0', '--input', `state=${state}`, ...extra], { env: QUIET_ENV });
};

describe('issue 5 reports: junit, json and har at once', () => {
  it('a run that polls three times and succeeds', async () => {
    const result = await poll('building', ['--json', '--report', `junit=${file('ok.xml')}`, '--report', `json=${file('ok.json')}`, '--har', file('ok.har')]);
    expect(result.code).toBe(0);

    const junit = parseXml(readFileSync(file('ok.xml'), 'utf8'));
    expect(junit.attributes).toMatchObject({ tests: '1', failures: '0' });
    expect(findAll(junit, 'testcase').map((c) => c.attributes.name)).toEqual(['pollState']);

    const report = JSON.parse(readFileSync(file('ok.json'), 'utf8')) as Record<string, unknown>;
    const stdout = parseJsonStdout(result);
    expect(report).toEqual(stdout);
    expect(report).toMatchObject({ status: 'succeeded', endedBy: { stepId: 'pollState', action: 'done' } });
    // Issue 12 item 12: the suite's time is the run's wall time.
    expect(findAll(junit, 'testsuite')[0]!.attributes.time).toBe(((report.durationMs as number) / 1000).toFixed(3));
    expect((report.timeline as Array<{ execution: number }>).map((t) => t.execution)).toEqual([1, 2, 3]);

    const har = JSON.parse(readFileSync(file('ok.har'), 'utf8')) as { log: { version: string; entries: Array<{ request: { url: string }; response: { status: number } }> } };
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(echo.server.requests.map((r) => r.path));
    expect(har.log.entries.every((e) => e.response.status === 200)).toBe(true);
  });

  it('a failed criterion: the JUnit failure names the step, the criterion and the status', async () => {
    const result = await poll('failed', ['--report', `junit=${file('failed.xml')}`]);
    expect(result.code).toBe(1);
    const junit = parseXml(readFileSync(file('failed.xml'), 'utf8'));
    expect(junit.attributes).toMatchObject({ tests: '1', failures: '1' });
    const failure = findAll(findAll(junit, 'testcase').find((c) => c.attributes.name === 'pollState')!, 'failure')[0]!;
    expect(failure.attributes.type).toBe('step-failed');
    expect(failure.attributes.message).toMatch(/^step pollState failed: criterion "\$response\.body#\/state != 'failed'" did not pass.*HTTP status 200$/);
  });

  it('a document with errors (exit 2) still writes the JUnit and JSON reports, and an empty HAR', async () => {
    const result = await runCliInProcess(['run', 'test/fixtures/cli/echo/missing.arazzo.yml', '--report', `junit=${file('bad.xml')}`, '--report', `json=${file('bad.json')}`, '--har', file('bad.har')], { env: QUIET_ENV });
    expect(result.code).toBe(2);
    expect(findAll(parseXml(readFileSync(file('bad.xml'), 'utf8')), 'failure')[0]!.attributes.type).toBe('invalid');
    expect(JSON.parse(readFileSync(file('bad.json'), 'utf8'))).toMatchObject({ status: 'invalid', diagnostics: [{ code: 'file-not-found' }] });
    expect(JSON.parse(readFileSync(file('bad.har'), 'utf8'))).toMatchObject({ log: { entries: [] } });
  });

  it('report directories are created; an unknown report kind is a usage error (exit 2)', async () => {
    const nested = await poll('done', ['--report', `json=${file('deep/er/run.json')}`]);
    expect(nested.code).toBe(0);
    expect(JSON.parse(readFileSync(file('deep/er/run.json'), 'utf8'))).toMatchObject({ status: 'succeeded' });
    const bad = await poll('done', ['--report', 'xml=out.xml']);
    expect(bad.code).toBe(2);
    expect(echo.server.requests).toHaveLength(1);
  });
});
