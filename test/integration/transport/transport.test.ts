// Issue 13 "Transport": HTTP_PROXY / HTTPS_PROXY / NO_PROXY and --proxy for requests and source
// downloads (undici's EnvHttpProxyAgent), mTLS and private CAs per source (--cert/--key/--ca with
// source= prefixes), --insecure for source downloads too. Real servers on 127.0.0.1 only: a TLS
// server that requires a client certificate, and a proxy that records what passed through it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { useLoopbackServer } from '../../support/loopback-server.js';
import { runInProcess, securedApi, workflowDocument, writeDocuments } from '../auth/auth-fixtures.js';
import { makeCertificates, startRecordingProxy, startTlsServer, type Certificates, type RecordingProxy, type TlsServer } from './transport-fixtures.js';

const api = securedApi({ ping: [] });
const flow = workflowDocument([{ operationId: 'ping' }]);

describe('issue 13: proxies', () => {
  const target = useLoopbackServer((request) => (request.path === '/api.yaml' ? { headers: { 'content-type': 'application/yaml' }, body: stringify(api) } : { body: {} }));
  let proxy: RecordingProxy;
  beforeAll(async () => {
    proxy = await startRecordingProxy();
  });
  afterAll(() => proxy.close());

  it('HTTP_PROXY carries the requests; the target still answers them', async () => {
    proxy.seen.length = 0;
    const file = writeDocuments(api, flow);
    const run = await runInProcess(['run', file, '--server', `api=${target.server.url}`], { HTTP_PROXY: proxy.url });
    expect(run.code).toBe(0);
    expect(proxy.seen).toEqual([expect.stringContaining(`127.0.0.1:${target.server.port}`)]);
    expect(target.server.requests.map((r) => r.path)).toEqual(['/ping']);
  });

  it('NO_PROXY sends the matching host direct', async () => {
    proxy.seen.length = 0;
    const file = writeDocuments(api, flow);
    const run = await runInProcess(['run', file, '--server', `api=${target.server.url}`], { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(run.code).toBe(0);
    expect(proxy.seen).toEqual([]);
    expect(target.server.requests).toHaveLength(1);
  });

  it('--proxy sets the proxy; a remote source description is downloaded through it too', async () => {
    proxy.seen.length = 0;
    const remote = { ...flow, sourceDescriptions: [{ name: 'api', url: `${target.server.url}/api.yaml`, type: 'openapi' }] };
    const file = writeDocuments(api, remote);
    const run = await runInProcess(['run', file, '--server', `api=${target.server.url}`, '--proxy', proxy.url]);
    expect(run.code).toBe(0);
    expect(target.server.requests.map((r) => r.path)).toEqual(['/api.yaml', '/ping']);
    expect(proxy.seen.length).toBeGreaterThanOrEqual(1);
    expect(proxy.seen.every((line) => line.includes(`127.0.0.1:${target.server.port}`))).toBe(true);
  });

  it('lint downloads a remote source through HTTP_PROXY too', async () => {
    proxy.seen.length = 0;
    const remote = { ...flow, sourceDescriptions: [{ name: 'api', url: `${target.server.url}/api.yaml`, type: 'openapi' }] };
    const file = writeDocuments(api, remote);
    const lint = await runInProcess(['lint', file], { HTTP_PROXY: proxy.url });
    expect(lint.code).toBe(0);
    expect(target.server.requests.map((r) => r.path)).toEqual(['/api.yaml']);
    expect(proxy.seen).toEqual([expect.stringContaining(`127.0.0.1:${target.server.port}`)]);
  });

  it('a --proxy that is not a URL is a usage error: exit 2, nothing sent', async () => {
    const file = writeDocuments(api, flow);
    const run = await runInProcess(['run', file, '--server', `api=${target.server.url}`, '--proxy', 'proxy:3128']);
    expect(run.code).toBe(2);
    expect(target.server.requests).toEqual([]);
  });
});

describe('issue 13: mTLS and private CAs', () => {
  let certs: Certificates;
  let server: TlsServer;
  beforeAll(async () => {
    certs = makeCertificates();
    server = await startTlsServer(certs, { requireClientCert: true });
  });
  afterAll(async () => {
    await server.close();
    certs.remove();
  });

  it('--cert/--key for the source and --ca for the private CA: the server sees the client certificate', async () => {
    const file = writeDocuments(api, flow);
    const run = await runInProcess(['run', file, '--server', `api=${server.url}`, '--ca', certs.files.ca, '--cert', `api=${certs.files.clientCert}`, '--key', `api=${certs.files.clientKey}`]);
    expect(run.stderr).not.toContain('failed');
    expect(run.code).toBe(0);
    expect(server.clients.at(-1)).toBe('arazzo test client');
  });

  it('without a client certificate the TLS server refuses: the step fails on the transport', async () => {
    const file = writeDocuments(api, flow);
    const run = await runInProcess(['run', file, '--server', `api=${server.url}`, '--ca', certs.files.ca, '--json']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { error: { code: string } }).error.code).toBe('request-failed');
  });

  it('without --ca the private CA is not trusted; --insecure skips the check (the client certificate still goes)', async () => {
    const file = writeDocuments(api, flow);
    const untrusted = await runInProcess(['run', file, '--server', `api=${server.url}`, '--cert', certs.files.clientCert, '--key', certs.files.clientKey, '--json']);
    expect(untrusted.code).toBe(1);
    expect((JSON.parse(untrusted.stdout) as { steps: Array<{ httpFailure?: string }> }).steps[0]!.httpFailure).toBe('tls');
    const insecure = await runInProcess(['run', file, '--server', `api=${server.url}`, '--cert', certs.files.clientCert, '--key', certs.files.clientKey, '--insecure']);
    expect(insecure.code).toBe(0);
  });

  it('a source prefix naming no source, and an unreadable file, are usage errors (exit 2)', async () => {
    const file = writeDocuments(api, flow);
    const before = server.paths.length;
    expect((await runInProcess(['run', file, '--server', `api=${server.url}`, '--ca', `nosuch=${certs.files.ca}`])).code).toBe(2);
    expect((await runInProcess(['run', file, '--server', `api=${server.url}`, '--ca', '/no/such/ca.pem'])).code).toBe(2);
    expect((await runInProcess(['run', file, '--server', `api=${server.url}`, '--cert', certs.files.clientCert])).code).toBe(2);
    expect(server.paths.length).toBe(before);
  });
});

describe('issue 13: --insecure and --ca apply to source downloads', () => {
  let certs: Certificates;
  let server: TlsServer;
  beforeAll(async () => {
    certs = makeCertificates();
    server = await startTlsServer(certs, { requireClientCert: false, description: stringify(api) });
  });
  afterAll(async () => {
    await server.close();
    certs.remove();
  });

  it('an https source signed by a private CA: refused by default (exit 2), read with --ca or --insecure', async () => {
    const remote = { ...flow, sourceDescriptions: [{ name: 'api', url: `${server.url}/api.yaml`, type: 'openapi' }] };
    const file = writeDocuments(api, remote);
    const refused = await runInProcess(['run', file, '--server', `api=${server.url}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('api.yaml');
    expect((await runInProcess(['run', file, '--server', `api=${server.url}`, '--ca', certs.files.ca])).code).toBe(0);
    expect((await runInProcess(['run', file, '--server', `api=${server.url}`, '--insecure'])).code).toBe(0);
  });
});
