// Issue 13 "Auth from the description": Security Scheme Objects written as `$ref`s (OpenAPI 3.x
// §Components Object: securitySchemes is a map of Security Scheme Object | Reference Object) are
// followed — inside the description and into another file — against a real loopback server.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { useLoopbackServer } from '../../support/loopback-server.js';
import { runInProcess, securedApi, workflowDocument, writeDocuments } from './auth-fixtures.js';

const holder = useLoopbackServer(() => ({ body: {} }));
const server = (): string => `api=${holder.server.url}`;

describe('issue 13: security schemes written as $refs', () => {
  it('a scheme that is a $ref inside the description fills the header it names', async () => {
    const api = securedApi({ keyed: [{ refKey: [] }] }, { refKey: { $ref: '#/x-shared/key' } });
    api['x-shared'] = { key: { type: 'apiKey', in: 'header', name: 'X-Shared-Key' } };
    const file = writeDocuments(api, workflowDocument([{ operationId: 'keyed' }]));
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.refKey=shared-k-2468', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(holder.server.requests.at(-1)!.headers['x-shared-key']).toBe('shared-k-2468');
    expect(run.stdout + run.stderr).not.toContain('shared-k-2468');
  });

  it('a scheme that is a $ref to another file is read from that file (bearer)', async () => {
    const file = writeDocuments(securedApi({ bearer: [{ fileBearer: [] }] }, { fileBearer: { $ref: './schemes.yaml#/bearer' } }), workflowDocument([{ operationId: 'bearer' }]));
    writeFileSync(path.join(path.dirname(file), 'schemes.yaml'), stringify({ bearer: { type: 'http', scheme: 'bearer' } }));
    const run = await runInProcess(['run', file, '--server', server(), '--auth', 'api.fileBearer=tok-13579']);
    expect(run.code, run.stderr).toBe(0);
    expect(holder.server.requests.at(-1)!.headers.authorization).toBe('Bearer tok-13579');
  });

  it('a scheme $ref that cannot be followed is a warning naming it, not a silent unauthenticated request', async () => {
    const file = writeDocuments(securedApi({ keyed: [{ lost: [] }] }, { lost: { $ref: '#/x-nowhere/key' } }), workflowDocument([{ operationId: 'keyed' }]));
    const lint = await runInProcess(['lint', file, '--format', 'json']);
    expect(lint.stdout).toContain('security scheme lost');
    expect(lint.stdout).toContain('#/x-nowhere/key');
  });
});
