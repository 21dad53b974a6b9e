/**
 * Issue 6 › remote source descriptions: fetched with a deadline and a size cap (loopback servers
 * that stall, drip or lie), and an unresolvable source URL is a clear error naming the source and
 * the URL — exit 2, nothing sent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/cli/load-plan.js';
import { readText } from '../../src/load/read-text.js';
import { findClosedPort, startLoopbackServer } from '../integration/http/start-loopback-server.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'arazzo-remote-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const OPENAPI = `openapi: 3.1.0
info: {title: remote, version: "1"}
servers: [{url: "http://127.0.0.1:9"}]
paths:
  /thing:
    get:
      operationId: getThing
      responses: {"200": {description: ok}}
`;

function arazzoWithSource(url: string): string {
  const file = path.join(scratch, `flow-${Math.random().toString(36).slice(2)}.arazzo.yaml`);
  writeFileSync(file, `arazzo: 1.0.1
info: {title: remote source, version: "1"}
sourceDescriptions:
  - name: remoteApi
    url: ${url}
    type: openapi
workflows:
  - workflowId: w
    steps:
      - stepId: s
        operationId: getThing
`);
  return file;
}

function failed(result: Awaited<ReturnType<typeof readText>>) {
  if (result.ok) throw new Error('expected a failure');
  return result.diagnostic;
}

describe('Issue 6 › remote sources are fetched with a deadline', () => {
  it('a server that never answers → source-unreachable after the deadline', async () => {
    const server = await startLoopbackServer(() => undefined);
    const diagnostic = failed(await readText(`${server.url}/api.yaml`, 'Source description "api"', { timeoutMs: 150 }));
    expect(diagnostic.code).toBe('source-unreachable');
    expect(diagnostic.message).toContain('150 ms');
  });

  it('a body that drips forever is cut by the same deadline', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/yaml' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('#\n')), 10);
      res.on('close', () => clearInterval(timer));
    });
    expect(failed(await readText(`${server.url}/api.yaml`, 'Source', { timeoutMs: 200 })).code).toBe('source-unreachable');
  });
});

describe('Issue 6 › remote sources are fetched under a size cap', () => {
  it('a declared Content-Length over the cap → file-too-large at once', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('x'.repeat(8192)));
    expect(failed(await readText(`${server.url}/big.yaml`, 'Source', { maxBytes: 4096 })).code).toBe('file-too-large');
  });

  it('a chunked body with no Content-Length is cut at the cap; the rest is not downloaded', async () => {
    let written = 0;
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/yaml' });
      const timer = setInterval(() => {
        if (res.destroyed || written > 50_000_000) {
          clearInterval(timer);
          res.end();
          return;
        }
        written += 65_536;
        res.write('#'.repeat(65_536));
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    expect(failed(await readText(`${server.url}/endless.yaml`, 'Source', { maxBytes: 256 * 1024 })).code).toBe('file-too-large');
    expect(written).toBeLessThan(50_000_000);
  });

  it('exactly at the cap is fine', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('#'.repeat(4096)));
    expect(await readText(`${server.url}/edge.yaml`, 'Source', { maxBytes: 4096 })).toEqual({ ok: true, text: '#'.repeat(4096) });
  });
});

describe('Issue 6 › source URLs that do not resolve: a clear error naming the source and the URL', () => {
  it('a redirect loop → source-unreachable', async () => {
    const server = await startLoopbackServer((req, res) => {
      res.writeHead(302, { Location: req.url ?? '/' });
      res.end();
    });
    expect(failed(await readText(`${server.url}/loop.yaml`, 'Source')).code).toBe('source-unreachable');
  });

  it('HTTP 404 → source-unreachable, saying so', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    const diagnostic = failed(await readText(`${server.url}/missing.yaml`, 'Source'));
    expect(diagnostic.code).toBe('source-unreachable');
    expect(diagnostic.message).toContain('404');
  });

  it('a refused connection: lint names the source, the URL and where it is declared', async () => {
    const url = `http://127.0.0.1:${await findClosedPort()}/openapi.yaml`;
    const file = arazzoWithSource(url);
    const { diagnostics } = await loadPlan(file);
    const error = diagnostics.find((d) => d.code === 'source-unreachable');
    expect(error?.message).toContain('remoteApi');
    expect(error?.message).toContain(url);
    expect(error?.message).toContain('ECONNREFUSED');
    expect(error?.pointer).toBe('/sourceDescriptions/0/url');
    expect(error?.line).toBe(5);
  });

  it('arazzo run → exit 2, the JSON names the source and URL, and no request is sent', async () => {
    const url = `http://127.0.0.1:${await findClosedPort()}/openapi.yaml`;
    const api = await startLoopbackServer((_req, res) => res.end());
    const { code, stdout } = await runCliInProcess(['run', arazzoWithSource(url), '--server', `remoteApi=${api.url}`, '--json']);
    expect(code).toBe(2);
    const json = JSON.parse(stdout) as { status: string; diagnostics: Array<{ code: string; message: string }> };
    expect(json.status).toBe('invalid');
    expect(json.diagnostics[0]?.code).toBe('source-unreachable');
    expect(json.diagnostics[0]?.message).toContain(url);
    expect(api.seen).toHaveLength(0);
  });

  it('a reachable remote source loads', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/yaml' });
      res.end(OPENAPI);
    });
    const { diagnostics } = await loadPlan(arazzoWithSource(`${server.url}/openapi.yaml`));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('an external $ref over HTTP to a loopback address is refused (the resolver\'s SSRF guard) and never fetched', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('description: ok\n'));
    const openapi = path.join(scratch, 'external-ref.openapi.yaml');
    writeFileSync(openapi, `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /thing:\n    get:\n      operationId: getThing\n      responses:\n        "200":\n          $ref: "${server.url}/response.yaml"\n`);
    const { diagnostics } = await loadPlan(arazzoWithSource(openapi));
    // A response the run never reads: a warning (issue 10 item 7), and still never fetched.
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warning = diagnostics.find((d) => d.code === 'source-ref-unresolved');
    expect(warning?.message).toContain(`${server.url}/response.yaml`);
    expect(server.seen).toHaveLength(0);
  });
});
