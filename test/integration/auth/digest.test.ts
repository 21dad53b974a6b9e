// Issue 13 "Auth from the description": an `http` `digest` security scheme filled from --auth or
// x-security (username/password), answered against a real loopback server that issues an RFC 7616
// challenge (SHA-256, qop=auth) and checks the answer with its own hashing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useLoopbackServer, type LoopbackRequest } from '../../support/loopback-server.js';
import { runInProcess, securedApi, workflowDocument, writeDocuments } from './auth-fixtures.js';

const REALM = 'arazzo-test';
const NONCE = 'n0nce-5f2b';
const USERS: Record<string, string> = { ada: 'digest-canary-pw-31415' };
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function verified(request: LoopbackRequest): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Digest ')) return false;
  const params = Object.fromEntries([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1]!, m[2] ?? m[3]!]));
  const password = USERS[params.username ?? ''];
  if (password === undefined || params.realm !== REALM || params.nonce !== NONCE || params.uri !== request.url || params.qop !== 'auth') return false;
  const ha1 = sha256(`${params.username}:${REALM}:${password}`);
  const ha2 = sha256(`${request.method}:${params.uri}`);
  return params.response === sha256(`${ha1}:${NONCE}:${params.nc}:${params.cnonce}:auth:${ha2}`);
}

const holder = useLoopbackServer((request) => verified(request)
  ? { body: { ok: true } }
  : { status: 401, headers: { 'www-authenticate': `Digest realm="${REALM}", qop="auth", algorithm=SHA-256, nonce="${NONCE}"` }, body: { error: 'unauthorized' } });
const server = (): string => `api=${holder.server.url}`;
const api = securedApi({ guarded: [{ digestAuth: [] }] }, { digestAuth: { type: 'http', scheme: 'digest' } });

describe('issue 13: HTTP Digest authentication (RFC 7616)', () => {
  it('--auth user:password: the 401 challenge is answered once, the step succeeds, the password is masked', async () => {
    const before = holder.server.requests.length;
    const file = writeDocuments(api, workflowDocument([{ operationId: 'guarded' }], { steps: [{ stepId: 'call', operationId: 'guarded', successCriteria: [{ condition: '$statusCode == 200' }] }] }));
    const run = await runInProcess(['run', file, '--server', server(), '--auth', `api.digestAuth=ada:${USERS.ada}`, '--json', '--verbose']);
    expect(run.code, run.stderr).toBe(0);
    const sent = holder.server.requests.slice(before);
    expect(sent.map((r) => r.headers.authorization === undefined)).toEqual([true, false]);
    expect(verified(sent[1]!)).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(USERS.ada);
  });

  it('x-security username/password from inputs; a wrong password fails the step with the 401', async () => {
    const flow = workflowDocument([{ operationId: 'guarded', 'x-security': [{ schemeName: 'digestAuth', values: { username: '$inputs.user', password: '$inputs.pass' } }] }]);
    const steps = (flow.workflows as Array<{ steps: Array<Record<string, unknown>> }>)[0]!.steps;
    steps[0]!.successCriteria = [{ condition: '$statusCode == 200' }];
    const file = writeDocuments(api, flow);
    expect((await runInProcess(['run', file, '--server', server(), '--input', 'user=ada', '--input', `pass=${USERS.ada}`])).code).toBe(0);
    const wrong = await runInProcess(['run', file, '--server', server(), '--input', 'user=ada', '--input', 'pass=nope', '--json']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('401');
  });
});
