// Issue 11 "arazzo resume" with issue 13's transport: a run against a server that requires a
// client certificate is killed mid-run; `arazzo resume` takes --cert/--key/--ca (never written to
// the state file) and continues over mTLS. Real TLS server on 127.0.0.1; the CLI is a real process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, requireCliBuilt } from '../../support/run-cli.js';
import { runInProcess, securedApi, workflowDocument, writeDocuments } from '../auth/auth-fixtures.js';
import { makeCertificates, startTlsServer, type Certificates, type TlsServer } from './transport-fixtures.js';

const api = securedApi({ first: [], second: [] });
const flow = workflowDocument([{ operationId: 'first' }, { operationId: 'second' }]);

describe('issue 11/13: arazzo resume takes the transport flags', () => {
  let certs: Certificates;
  let server: TlsServer;
  let killAt: ((count: number) => void) | undefined;
  beforeAll(async () => {
    requireCliBuilt();
    certs = makeCertificates();
    server = await startTlsServer(certs, { requireClientCert: true, onRequest: (count) => killAt?.(count) });
  });
  afterAll(async () => {
    await server.close();
    certs.remove();
  });

  /** Runs the CLI over mTLS with a state file and SIGKILLs it when the server sees the second step's request. */
  async function killedRun(state: string, file: string): Promise<void> {
    const tls = ['--ca', certs.files.ca, '--cert', `api=${certs.files.clientCert}`, '--key', `api=${certs.files.clientKey}`];
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), 'run', file, '--server', `api=${server.url}`, ...tls, '--state-file', state], { stdio: 'ignore' });
    const target = server.paths.length + 2;
    killAt = (count) => {
      if (count >= target) child.kill('SIGKILL');
    };
    await new Promise((resolve) => child.once('close', resolve));
    killAt = undefined;
  }

  it('resume --cert/--key/--ca sends the rest over mTLS; the state file holds no key path or PEM', async () => {
    const file = writeDocuments(api, flow);
    const state = path.join(path.dirname(file), 'run.json');
    await killedRun(state, file);
    const saved = readFileSync(state, 'utf8');
    expect(JSON.parse(saved).state.result).toBeUndefined();
    expect(saved).not.toContain(certs.files.clientKey);
    expect(saved).not.toContain('PRIVATE KEY');

    const before = server.paths.length;
    const resumed = await runInProcess(['resume', state, '--ca', certs.files.ca, '--cert', `api=${certs.files.clientCert}`, '--key', `api=${certs.files.clientKey}`, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(server.paths.slice(before)).toEqual(['/second']);
    expect(server.clients.at(-1)).toBe('arazzo test client');
  });

  it('resume --sign naming no source and --cert without --key are usage errors (exit 2), nothing sent', async () => {
    const file = writeDocuments(api, flow);
    const state = path.join(path.dirname(file), 'run.json');
    await killedRun(state, file);
    const before = server.paths.length;
    const unknownSigner = await runInProcess(['resume', state, '--sign', 'nosuch=oci']);
    expect(unknownSigner.code).toBe(2);
    expect(unknownSigner.stderr).toContain('nosuch');
    expect((await runInProcess(['resume', state, '--cert', certs.files.clientCert])).code).toBe(2);
    expect(server.paths.length).toBe(before);
  });
});
