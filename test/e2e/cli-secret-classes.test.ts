// Issue 10 item 12: which values are secret. Canaries through the real CLI (in process, main(argv))
// and a loopback server: tokens a response body returns (access_token, refresh_token, and a field
// the workflow later sends in Authorization) are masked in every sink from the moment they are
// read, including the --verbose print of the very response that carries them; a writeOnly input
// is secret; a plain value sent as an `in: cookie` parameter (a cart id) is not, so --json keeps it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeRequests, useLoopbackServer, type LoopbackRequest } from '../support/loopback-server.js';
import type { CliRun } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { QUIET_ENV, useTempDir } from './cli-helpers.js';

const ACCESS = 'acc3ss-CANARY-7f1d';
const REFRESH = 'r3fresh-CANARY-9a2b';
const SESSION = 's3ssion-CANARY-4c5e';
const PIN = 'p1n-CANARY-0042';
const CART = 'cart-PLAIN-31337';
const SECRETS: Record<string, string> = { access_token: ACCESS, refresh_token: REFRESH, 'session (fed into Authorization)': SESSION, 'writeOnly pin': PIN };

const api = useLoopbackServer(routeRequests({
  'POST /api/login': () => ({ body: { access_token: ACCESS, data: { session: SESSION, refresh_token: REFRESH } } }),
  'GET /api/me': (request) => ({ body: { name: 'Ada', seen: request.headers.authorization } }),
  'GET /api/cart': (request) => ({ body: { cart: /cartId=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? null } }),
}));
const dir = useTempDir();
const flow = path.join('test/fixtures/cli/tokens', 'tokens.arazzo.yml');

function expectNoSecret(sink: string, text: string): void {
  expect(text.length, `${sink} is empty`).toBeGreaterThan(0);
  for (const [what, value] of Object.entries(SECRETS)) expect(text.includes(value), `${sink} leaks ${what}`).toBe(false);
}

describe('issue 10 item 12: secrets are classified by where a value comes from and where it goes', () => {
  let result: CliRun;
  let received: LoopbackRequest[] = [];
  beforeAll(async () => {
    result = await runCliInProcess(['run', flow, '--server', `tokenApi=${api.server.url}/api`, '--input', `cart=${CART}`, '--input', `pin=${PIN}`,
      '--json', '--verbose', '--log-level', 'debug', '--log-format', 'json',
      '--report', `junit=${path.join(dir(), 'junit.xml')}`, '--report', `json=${path.join(dir(), 'run.json')}`, '--har', path.join(dir(), 'run.har')], { env: QUIET_ENV });
    received = [...api.server.requests];
  });

  it('the workflow really sent the session token in Authorization and the cart id as a cookie', () => {
    expect(result.code).toBe(0);
    expect(received.map((r) => r.path)).toEqual(['/api/login', '/api/me', '/api/cart']);
    expect(received[0]!.body).toEqual({ pin: PIN });
    expect(received[1]!.headers.authorization).toBe(`Bearer ${SESSION}`);
    expect(received[2]!.headers.cookie).toBe(`cartId=${CART}`);
  });

  it('--json: token outputs are masked, the cart id is not', () => {
    expectNoSecret('stdout', result.stdout);
    const json = JSON.parse(result.stdout) as { outputs: Record<string, unknown> };
    expect(json.outputs).toEqual({ cart: CART, name: 'Ada', session: '***', access: '***' });
  });

  it('stderr (--verbose and debug logs, which print the login response itself) and every report are masked', () => {
    expectNoSecret('stderr', result.stderr);
    for (const name of ['junit.xml', 'run.json', 'run.har']) expectNoSecret(name, readFileSync(path.join(dir(), name), 'utf8'));
    expect(readFileSync(path.join(dir(), 'run.har'), 'utf8')).toContain(CART);
  });
});
