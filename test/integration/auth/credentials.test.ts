// Issue 13 "Credentials": the operation's OpenAPI security requirements filled from --auth,
// ARAZZO_AUTH_<SOURCE>_<SCHEME> and Redocly's x-security, against a real loopback server.
import { describe, expect, it } from 'vitest';
import { useLoopbackServer } from '../../support/loopback-server.js';
import { runInProcess, securedApi, workflowDocument, writeDocuments } from './auth-fixtures.js';

const holder = useLoopbackServer(() => ({ body: {} }));
const server = (): string => `api=${holder.server.url}`;
const sent = (index = 0) => holder.server.requests[index]!;

describe('issue 13: security requirements (OpenAPI Security Requirement Object)', () => {
  it('apiKey in a header from --auth; the key is masked in every output', async () => {
    const file = writeDocuments(securedApi({ keyed: [{ keyHeader: [] }] }), workflowDocument([{ operationId: 'keyed' }]));
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.keyHeader=k-123456789', '--json', '--verbose']);
    expect(run.code).toBe(0);
    expect(sent().headers['x-api-key']).toBe('k-123456789');
    expect(run.stdout + run.stderr).not.toContain('k-123456789');
  });

  it('apiKey in the query from ARAZZO_AUTH_<SOURCE>_<SCHEME>', async () => {
    const file = writeDocuments(securedApi({ keyed: [{ keyQuery: [] }] }), workflowDocument([{ operationId: 'keyed' }]));
    const run = await runInProcess(['run', file, '--server', server(), '--verbose'], { ARAZZO_AUTH_API_KEYQUERY: 'q-secret-77' });
    expect(run.code).toBe(0);
    expect(sent().query.api_key).toBe('q-secret-77');
    expect(run.stderr).not.toContain('q-secret-77');
  });

  it('apiKey in a cookie and a bearer token from x-security values bound to inputs (Redocly\'s shape)', async () => {
    const file = writeDocuments(
      securedApi({ cookied: [{ keyCookie: [] }], bearer: [{ bearerAuth: [] }] }),
      workflowDocument([
        { operationId: 'cookied', 'x-security': [{ schemeName: 'keyCookie', values: { apiKey: '$inputs.apiToken' } }] },
        { operationId: 'bearer', 'x-security': [{ schemeName: 'bearerAuth', values: { token: '$inputs.user' } }] },
      ]),
    );
    const run = await runInProcess(['run', file, '--server', server(), '--input', 'apiToken=c00kie-value', '--input', 'user=plain-looking-name', '--verbose']);
    expect(run.code).toBe(0);
    expect(sent(0).headers.cookie).toBe('session_id=c00kie-value');
    expect(sent(1).headers.authorization).toBe('Bearer plain-looking-name');
    // An input whose name does not look secret is still masked once it fills a credential.
    expect(run.stderr).not.toContain('plain-looking-name');
  });

  it('http basic from --auth user:password', async () => {
    const file = writeDocuments(securedApi({ basic: [{ basicAuth: [] }] }), workflowDocument([{ operationId: 'basic' }]));
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.basicAuth=alice:s3cr3t-pw']);
    expect(run.code).toBe(0);
    expect(sent().headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cr3t-pw').toString('base64')}`);
  });

  it('an explicit parameter wins over --auth and x-security', async () => {
    const file = writeDocuments(
      securedApi({ bearer: [{ bearerAuth: [] }] }),
      workflowDocument([{ operationId: 'bearer', parameters: [{ name: 'Authorization', in: 'header', value: 'Bearer from-param' }], 'x-security': [{ schemeName: 'bearerAuth', values: { token: 'from-x-security' } }] }]),
    );
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.bearerAuth=from-flag']);
    expect(run.code).toBe(0);
    expect(holder.server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer from-param']);
  });

  it('--auth wins over x-security; the first alternative that can be filled is used', async () => {
    const file = writeDocuments(
      securedApi({ either: [{ keyHeader: [], keyQuery: [] }, { bearerAuth: [] }] }),
      workflowDocument([{ operationId: 'either', 'x-security': [{ schemeName: 'bearerAuth', values: { token: 'from-x-security' } }] }]),
    );
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.bearerAuth=from-flag']);
    expect(run.code).toBe(0);
    expect(sent().headers.authorization).toBe('Bearer from-flag');
    expect(sent().headers['x-api-key']).toBeUndefined();
  });

  it('security: [] on the operation sends nothing, even with --auth given for the source', async () => {
    const file = writeDocuments(securedApi({ open: [] }), workflowDocument([{ operationId: 'open' }]));
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.bearerAuth=unused-token']);
    expect(run.code).toBe(0);
    expect(sent().headers.authorization).toBeUndefined();
  });

  it('an inline x-security scheme applies even when the operation declares none', async () => {
    const file = writeDocuments(
      securedApi({ open: [] }),
      workflowDocument([{ operationId: 'open', 'x-security': [{ scheme: { type: 'apiKey', in: 'header', name: 'X-Extra' }, values: { apiKey: 'inline-key' } }] }]),
    );
    expect((await runInProcess(['run', file, '--server', server()])).code).toBe(0);
    expect(sent().headers['x-extra']).toBe('inline-key');
  });

  it('a scheme nothing fills: lint warns (security-unfilled); the run names the scheme and how to supply it', async () => {
    const file = writeDocuments(securedApi({ bearer: [{ bearerAuth: [] }] }), workflowDocument([{ operationId: 'bearer' }]));
    const lint = await runInProcess(['lint', file, '--format', 'json']);
    expect(lint.stdout).toContain('security-unfilled');
    const run = await runInProcess(['run', file, '--server', server()]);
    expect(run.stderr).toContain('"bearerAuth"');
    expect(run.stderr).toContain('--auth api.bearerAuth=<value>');
    expect(run.stderr).toContain('ARAZZO_AUTH_API_BEARERAUTH');
    expect(sent().headers.authorization).toBeUndefined();
  });

  it('Redocly\'s corpus shape: an inline oauth2 scheme with an accessToken value sends a bearer token', async () => {
    const file = writeDocuments(
      securedApi({ open: [] }),
      workflowDocument([{ operationId: 'open', 'x-security': [{ scheme: { type: 'oauth2', flows: { password: { tokenUrl: 'https://example.com/token', scopes: {} } } }, values: { accessToken: 'oauth2-token', clientId: 1234567890 } }] }]),
    );
    expect((await runInProcess(['run', file, '--server', server()])).code).toBe(0);
    expect(sent().headers.authorization).toBe('Bearer oauth2-token');
  });

  it('a malformed x-security entry and an undeclared schemeName are lint warnings', async () => {
    const file = writeDocuments(
      securedApi({ bearer: [{ bearerAuth: [] }] }),
      workflowDocument([{ operationId: 'bearer', 'x-security': [{ values: { token: 'x' } }, { schemeName: 'bearerAuht', values: { token: 'x' } }] }]),
    );
    const lint = await runInProcess(['lint', file, '--format', 'json']);
    expect(lint.stdout).toContain('x-security-invalid');
    expect(lint.stdout).toContain('x-security-scheme-unknown');
    expect(lint.stdout).toContain('bearerAuth');
  });

  it('--auth naming an undeclared scheme is a usage error: exit 2, nothing sent', async () => {
    const file = writeDocuments(securedApi({ bearer: [{ bearerAuth: [] }] }), workflowDocument([{ operationId: 'bearer' }]));
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.bearer=x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bearerAuth');
    expect(holder.server.requests).toEqual([]);
  });
});
