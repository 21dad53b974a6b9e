/**
 * Issue 13 "Transport" support: certificates made by openssl for the test (a CA, a server
 * certificate for 127.0.0.1, a client certificate), a TLS server on 127.0.0.1 that can require a
 * client certificate, and an HTTP proxy on 127.0.0.1 that records what passed through it
 * (CONNECT tunnels and absolute-form requests).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';

export interface Certificates {
  dir: string;
  /** Paths of the PEM files. */
  files: { ca: string; serverCert: string; serverKey: string; clientCert: string; clientKey: string };
  pem: { ca: string; serverCert: string; serverKey: string };
  remove(): void;
}

export function makeCertificates(): Certificates {
  const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-tls-'));
  const at = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=arazzo test CA');
  writeFileSync(at('server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(at('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [['server', '/CN=127.0.0.1'], ['client', '/CN=arazzo test client']] as const) {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  }
  const files = { ca: at('ca.pem'), serverCert: at('server.pem'), serverKey: at('server.key'), clientCert: at('client.pem'), clientKey: at('client.key') };
  return {
    dir,
    files,
    pem: { ca: readFileSync(files.ca, 'utf8'), serverCert: readFileSync(files.serverCert, 'utf8'), serverKey: readFileSync(files.serverKey, 'utf8') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsServer {
  url: string;
  /** The CN of each client certificate presented, per request ('' = none). */
  clients: string[];
  paths: string[];
  close(): Promise<void>;
}

/** HTTPS on 127.0.0.1: `/api.yaml` serves `description`; anything else answers 200 {"ok":true}. */
export async function startTlsServer(certs: Certificates, options: { requireClientCert: boolean; description?: string; onRequest?: (count: number) => void }): Promise<TlsServer> {
  const clients: string[] = [];
  const paths: string[] = [];
  const server = createHttpsServer({ key: certs.pem.serverKey, cert: certs.pem.serverCert, ca: certs.pem.ca, requestCert: options.requireClientCert, rejectUnauthorized: options.requireClientCert }, (req, res) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    clients.push(typeof peer?.subject?.CN === 'string' ? peer.subject.CN : '');
    paths.push(req.url ?? '');
    options.onRequest?.(paths.length);
    if (req.url === '/api.yaml' && options.description) {
      res.writeHead(200, { 'content-type': 'application/yaml' }).end(options.description);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    clients,
    paths,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface RecordingProxy {
  url: string;
  /** "CONNECT host:port" for tunnels, "GET http://host/path" for forwarded requests. */
  seen: string[];
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: string[] = [];
  const tunnels = new Set<{ destroy(): void }>();
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    tunnels.add(socket).add(upstream);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => {
      for (const tunnel of tunnels) tunnel.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
