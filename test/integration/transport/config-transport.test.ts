// Issue 13 "mTLS and proxies" with issue 12's config file: `proxy`, `cert`, `key` and `ca` in
// arazzo.config.yaml (paths relative to it, `source=path` as the flags take them), flags winning.
// Real TLS server requiring a client certificate and a recording proxy, on 127.0.0.1.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { useLoopbackServer } from '../../support/loopback-server.js';
import { runInProcess, securedApi, workflowDocument, writeDocuments } from '../auth/auth-fixtures.js';
import { makeCertificates, startRecordingProxy, startTlsServer, type Certificates, type RecordingProxy, type TlsServer } from './transport-fixtures.js';

const api = securedApi({ ping: [] });
const flow = workflowDocument([{ operationId: 'ping' }]);

describe('issue 12/13: transport settings in the config file', () => {
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

  /** The documents, the PEM files copied beside them, and a config naming them relatively. */
  function withConfig(config: Record<string, unknown>): { file: string; config: string } {
    const file = writeDocuments(api, flow);
    const dir = path.dirname(file);
    for (const [name, from] of [['ca.pem', certs.files.ca], ['client.pem', certs.files.clientCert], ['client.key', certs.files.clientKey]] as const) copyFileSync(from, path.join(dir, name));
    writeFileSync(path.join(dir, 'arazzo.config.yaml'), stringify(config));
    return { file, config: path.join(dir, 'arazzo.config.yaml') };
  }

  it('cert, key and ca from the config (relative paths, a source prefix): the server sees the client certificate', async () => {
    const { file, config } = withConfig({ ca: 'ca.pem', cert: ['api=client.pem'], key: ['api=client.key'] });
    const run = await runInProcess(['run', file, '--config', config, '--server', `api=${server.url}`]);
    expect(run.code, run.stderr).toBe(0);
    expect(server.clients.at(-1)).toBe('arazzo test client');
  });

  it('an environment adds its settings; without them the private CA is not trusted', async () => {
    const { file, config } = withConfig({ environments: { corp: { ca: ['ca.pem'], cert: 'client.pem', key: 'client.key' } } });
    expect((await runInProcess(['run', file, '--config', config, '--server', `api=${server.url}`])).code).toBe(1);
    expect((await runInProcess(['run', file, '--config', config, '--env', 'corp', '--server', `api=${server.url}`])).code).toBe(0);
  });

  it('a PEM path that is not a string, or a proxy that is not a URL, is exit 2 naming the config line; nothing sent', async () => {
    const before = server.paths.length;
    const badCa = withConfig({ ca: { not: 'a list' } });
    const ca = await runInProcess(['run', badCa.file, '--config', badCa.config, '--server', `api=${server.url}`]);
    expect(ca.code).toBe(2);
    expect(ca.stderr).toContain('"ca" is not a PEM file');
    const badProxy = withConfig({ proxy: 'proxy.example:3128' });
    const proxy = await runInProcess(['run', badProxy.file, '--config', badProxy.config, '--server', `api=${server.url}`]);
    expect(proxy.code).toBe(2);
    expect(proxy.stderr).toMatch(/arazzo\.config\.yaml:1:\d+/);
    expect(server.paths.length).toBe(before);
  });
});

describe('issue 12/13: proxy in the config file', () => {
  const target = useLoopbackServer(() => ({ body: { ok: true } }));
  let proxy: RecordingProxy;
  beforeAll(async () => {
    proxy = await startRecordingProxy();
  });
  afterAll(() => proxy.close());

  it('the config proxy carries the requests; --proxy and HTTP_PROXY beat it', async () => {
    const file = writeDocuments(api, flow);
    const config = path.join(path.dirname(file), 'arazzo.config.yaml');
    writeFileSync(config, stringify({ proxy: proxy.url }));
    const viaConfig = await runInProcess(['run', file, '--config', config, '--server', `api=${target.server.url}`]);
    expect(viaConfig.code, viaConfig.stderr).toBe(0);
    const seen = proxy.seen.length;
    expect(seen).toBeGreaterThan(0);
    const dead = 'http://127.0.0.1:9';
    expect((await runInProcess(['run', file, '--config', config, '--proxy', dead, '--server', `api=${target.server.url}`])).code).toBe(1);
    expect((await runInProcess(['run', file, '--config', config, '--server', `api=${target.server.url}`], { HTTP_PROXY: dead })).code).toBe(1);
    expect(proxy.seen.length).toBe(seen);
  });
});
