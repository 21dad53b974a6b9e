// Issue 5 "Secrets": a canary token runs through a workflow that sends it in a form body, a query
// string and a bearer header while the server echoes it back raw, URL-encoded and base64-encoded.
// Then every sink is searched for it in each of those forms: stdout (--json), stderr (--verbose,
// errors, GitHub annotations), logs (json and pretty), JUnit, the JSON report, the HAR, the step
// summary, exit-2 messages and the dry run. --no-mask shows it again.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLoopbackServer, type LoopbackRequest } from '../support/loopback-server.js';
import { repoRoot, type CliRun } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { echoFixture, echoRoutes, QUIET_ENV, useTempDir } from './cli-helpers.js';

const echo = useLoopbackServer(echoRoutes());
const dir = useTempDir();

const CANARY = 'cAnArY t0k/en+4=2&zz';
const FORMS: Record<string, string> = {
  raw: CANARY,
  url: encodeURIComponent(CANARY),
  form: encodeURIComponent(CANARY).replace(/%20/g, '+'),
  base64: Buffer.from(CANARY).toString('base64'),
  base64NoPadding: Buffer.from(CANARY).toString('base64').replace(/=+$/, ''),
  // A distinctive slice: any partial leak of the token shows up here too.
  fragment: 't0k',
};

function expectClean(sink: string, text: string): void {
  expect(text.length, `${sink} is empty`).toBeGreaterThan(0);
  for (const [form, value] of Object.entries(FORMS)) expect(text.includes(value), `${sink} leaks the ${form} form`).toBe(false);
}

const canary = echoFixture('canary.arazzo.yml');
const base = (): string[] => ['run', canary, '--server', `echoApi=${echo.server.url}/echo`, '--poll-interval', '0'];
const read = (name: string): string => readFileSync(path.join(dir(), name), 'utf8');

describe('issue 5 secrets: the canary is masked in every sink', () => {
  let result: CliRun;
  let received: LoopbackRequest[] = [];
  beforeAll(async () => {
    writeFileSync(path.join(dir(), 'summary.md'), '');
    result = await runCliInProcess([...base(), '--input', `apiToken=${CANARY}`, '--json', '--verbose',
      '--report', `junit=${path.join(dir(), 'junit.xml')}`, '--report', `json=${path.join(dir(), 'run.json')}`, '--har', path.join(dir(), 'run.har')], {
      env: { ...QUIET_ENV, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir(), 'summary.md'), GITHUB_WORKSPACE: repoRoot },
    });
    received = [...echo.server.requests];
  });

  it('the workflow really carried the canary to the server in all three places', () => {
    expect(result.code).toBe(1);
    const [login, search, broken] = received;
    expect(login?.bodyText).toContain(FORMS.form);
    expect(search?.query.q).toBe(CANARY);
    expect(search?.headers.authorization).toBe(`Bearer ${CANARY}`);
    expect(broken?.query.q).toBe(CANARY);
  });

  it('stdout (--json): outputs and step records masked', () => {
    expectClean('stdout', result.stdout);
    const json = JSON.parse(result.stdout) as { outputs: { token: string }; error: { code: string } };
    expect(json.outputs.token).toBe('***');
    expect(json.error.code).toBe('request-failed');
  });

  it('stderr: --verbose requests and responses, the failure message and the GitHub annotation', () => {
    expectClean('stderr', result.stderr);
    expect(result.stderr).toContain('Authorization: ***');
    expect(result.stderr).toMatch(/^::error file=/m);
  });

  it('reports: JUnit, JSON report, HAR and the step summary', () => {
    for (const name of ['junit.xml', 'run.json', 'run.har', 'summary.md']) expectClean(name, read(name));
    const har = JSON.parse(read('run.har')) as { log: { entries: Array<{ request: { url: string } }> } };
    expect(har.log.entries).toHaveLength(3);
    expect(har.log.entries[1]!.request.url).toContain('q=***');
  });
});

describe('issue 5 secrets: logs are masked too (the canary from ARAZZO_INPUT_apiToken)', () => {
  for (const format of ['json', 'pretty']) {
    it(`--log-level trace --log-format ${format}`, async () => {
      const logged = await runCliInProcess([...base(), '--log-level', 'trace', '--log-format', format], { env: { ...QUIET_ENV, ARAZZO_INPUT_apiToken: CANARY } });
      expect(logged.code).toBe(1);
      expectClean('logs', logged.stderr);
      expect(logged.stderr).toContain('***');
    });
  }
});

describe('issue 5 secrets: error messages before the run and the dry run', () => {
  it('an input error quoting a secret value (format: password) is masked, in text, --json and JUnit', async () => {
    const junit = path.join(dir(), 'invalid.xml');
    const text = await runCliInProcess([...base(), '--input', 'apiToken=fine-token', '--input', `pin=${CANARY}`, '--report', `junit=${junit}`], { env: QUIET_ENV });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('input-type');
    expectClean('stderr (exit 2)', text.stderr);
    expectClean('junit (exit 2)', readFileSync(junit, 'utf8'));
    const json = await runCliInProcess([...base(), '--input', 'apiToken=fine-token', '--input', `pin=${CANARY}`, '--json'], { env: QUIET_ENV });
    expectClean('stdout (exit 2)', json.stdout);
    expect(echo.server.requests).toHaveLength(0);
  });

  it('--dry-run prints the first request masked and sends nothing', async () => {
    const dry = await runCliInProcess([...base(), '--input', `apiToken=${CANARY}`, '--dry-run'], { env: QUIET_ENV });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('password=***');
    expectClean('dry-run stdout', dry.stdout);
    expect(echo.server.requests).toHaveLength(0);
  });
});

describe('issue 5 secrets: --no-mask is there for debugging', () => {
  it('shows the canary in the outputs', async () => {
    const clear = await runCliInProcess([...base(), '--input', `apiToken=${CANARY}`, '--json', '--no-mask'], { env: QUIET_ENV });
    expect((JSON.parse(clear.stdout) as { outputs: { token: string } }).outputs.token).toBe(CANARY);
  });
});
