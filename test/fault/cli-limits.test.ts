/**
 * Issue 6 › the limits as flags of `arazzo run` (in-process CLI against loopback servers), the
 * top-level error handler (an internal error says so; the stack only with --verbose), and the
 * regex backtracking bound (the built CLI in a child process, killed if it ever hangs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCrashReporter } from '../../src/cli/harden-process.js';
import { main } from '../../src/cli/main.js';
import { compileCriterion } from '../../src/criteria/compile-criterion.js';
import { startLoopbackServer } from '../integration/http/start-loopback-server.js';
import { ensureCliBuilt } from '../support/build-cli-once.js';
import { runCli } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/hostile/faults/faults.arazzo.yaml', import.meta.url));
const TLS = {
  key: readFileSync(new URL('../integration/http/fixtures/self-signed-key.pem', import.meta.url)),
  cert: readFileSync(new URL('../integration/http/fixtures/self-signed-cert.pem', import.meta.url)),
};

interface JsonResult {
  status: string;
  error: { code: string } | null;
  steps: Array<{ stepId: string; httpFailure?: string; lastStatusCode?: number }>;
  warnings: Array<{ code: string }>;
}

async function run(workflow: string, server: string, ...flags: string[]) {
  const result = await runCliInProcess(['run', FIXTURE, '--workflow', workflow, '--server', `api=${server}`, '--json', ...flags]);
  return { ...result, json: result.code === 2 ? undefined : (JSON.parse(result.stdout) as JsonResult) };
}

function jsonServer(body: string, status = 200, headers: Record<string, string> = {}) {
  return startLoopbackServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  });
}

describe('Issue 6 › --max-response-bytes (default 10MiB)', () => {
  it('a body over the flag → exit 1, httpFailure body-too-large', async () => {
    const server = await jsonServer(JSON.stringify({ state: 'x'.repeat(4096) }));
    const { code, json } = await run('once', server.url, '--max-response-bytes', '1KiB');
    expect(code).toBe(1);
    expect(json?.steps[0]?.httpFailure).toBe('body-too-large');
  });

  it('the same body under a larger flag is fine', async () => {
    const server = await jsonServer(JSON.stringify({ state: 'x'.repeat(4096) }));
    expect((await run('once', server.url, '--max-response-bytes', '8kB')).code).toBe(0);
  });

  it.each(['lots', '0', '-5', '1.5XB'])('--max-response-bytes %s → usage error, exit 2, nothing sent', async (value) => {
    const server = await jsonServer('{}');
    const { code, stderr } = await run('once', server.url, '--max-response-bytes', value);
    expect(code).toBe(2);
    expect(stderr).toContain('--max-response-bytes');
    expect(server.seen).toHaveLength(0);
  });
});

describe('Issue 6 › --request-timeout (default 30s) and --insecure', () => {
  it('--request-timeout 150ms against a server that never answers → httpFailure timeout', async () => {
    const server = await startLoopbackServer(() => undefined);
    const { code, json } = await run('once', server.url, '--request-timeout', '150ms');
    expect(code).toBe(1);
    expect(json?.steps[0]?.httpFailure).toBe('timeout');
  });

  it('TLS is verified by default; --insecure accepts a self-signed certificate', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"state":"ready"}');
    }, TLS);
    const verified = await run('once', server.url);
    expect(verified.code).toBe(1);
    expect(verified.json?.steps[0]?.httpFailure).toBe('tls');
    expect((await run('once', server.url, '--insecure')).code).toBe(0);
  });
});

describe('Issue 6 › --max-retry-after (default 5m)', () => {
  it('a Retry-After over the flag is capped, with a retry-after-capped warning in the result', async () => {
    let calls = 0;
    const server = await startLoopbackServer((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 503 : 200, { 'Content-Type': 'application/json', 'Retry-After': '86400' });
      res.end('{"state":"ready"}');
    });
    const { code, json } = await run('retryBusy', server.url, '--max-retry-after', '0');
    expect(code).toBe(0);
    expect(server.seen).toHaveLength(2);
    expect(json?.warnings.map((w) => w.code)).toContain('retry-after-capped');
  });
});

describe('Issue 6 › an unexpected internal error says so; the stack only with --verbose', () => {
  const brokenStdout = async (args: string[]) => {
    let stderr = '';
    const code = await main(args, {
      stdout: { write: () => { throw new Error('stdout is broken'); } },
      stderr: { write: (text: string) => (stderr += text) },
      env: { NO_COLOR: '1' },
      cwd: process.cwd(),
    });
    return { code, stderr };
  };

  it('without --verbose: "internal error", a bug report hint, no stack, exit 1', async () => {
    const { code, stderr } = await brokenStdout(['--version']);
    expect(code).toBe(1);
    expect(stderr).toContain('internal error: stdout is broken');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('with --verbose: the stack', async () => {
    const server = await jsonServer('{"state":"ready"}');
    const { stderr } = await brokenStdout(['run', FIXTURE, '--workflow', 'once', '--server', `api=${server.url}`, '--json', '--verbose']);
    expect(stderr).toContain('internal error:');
    expect(stderr).toMatch(/\n\s+at /);
  });

  it('an unhandled rejection is reported the same way and makes the exit code non-zero', () => {
    let stderr = '';
    const exits: number[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: '/' };
    const quiet = createCrashReporter(io, ['run', 'x.yaml'], (c) => exits.push(c));
    expect(quiet.failed()).toBe(false);
    quiet.onRejection(new Error('nobody awaited me'));
    expect(quiet.failed()).toBe(true);
    expect(stderr).toContain('internal error: nobody awaited me');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(exits).toEqual([]);
    const verbose = createCrashReporter(io, ['run', '-v'], (c) => exits.push(c));
    verbose.onException(new Error('thrown from a timer'));
    expect(stderr).toMatch(/thrown from a timer\n\s*Error: thrown from a timer\n\s+at /);
    expect(exits).toEqual([1]);
  });
});

describe('Issue 6 › regex criteria: catastrophic backtracking is bounded', () => {
  beforeAll(ensureCliBuilt, 180_000);

  it('^(a+)+$ on a crafted 50,000-character response ends (exit 1), where plain backtracking would run for ages', async () => {
    const server = await jsonServer(JSON.stringify({ state: `${'a'.repeat(50_000)}!` }));
    const result = await runCli(['run', FIXTURE, '--workflow', 'regexCheck', '--server', `api=${server.url}`, '--json'], { killAfterMs: 15_000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonResult).error?.code).toBe('step-failed');
  });

  it.each([
    ['(a*)*\\1b', 'a backreference'],
    ['(?<=a)(a+)+$', 'a lookbehind'],
    ['^(?!x)(a+)+$', 'a lookahead'],
  ])('%s (%s) cannot use the linear engine → warning criterion-regex-unbounded', (condition) => {
    const { compiled, problems } = compileCriterion({ context: '$response.body', condition, type: 'regex' });
    expect(compiled).toBeDefined();
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['criterion-regex-unbounded', 'warning']]);
  });

  it('a plain pattern gets no warning', () => {
    expect(compileCriterion({ context: '$response.body', condition: '^(a+)+$', type: 'regex' }).problems).toEqual([]);
  });
});
