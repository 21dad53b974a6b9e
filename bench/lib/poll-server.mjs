/**
 * The poll-loop server: GET /jobs/{id} answers {"state":"running"} until the armed number of
 * requests has been served, then {"state":"done"}. POST /arm?after=N resets the count. Keep-alive
 * on, as a real API would be.
 */
import { createServer } from 'node:http';

const RUNNING_FIELDS = {
  organizationId: 'org-0c4f6f3e-bench',
  imageName: 'ubuntu:22.04',
  cpu: 2,
  gpu: 0,
  mem: 4,
  disk: 10,
  errorReason: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:01.000Z',
};

export function startPollServer() {
  let after = 1;
  let served = 0;
  let total = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    request.resume();
    request.on('end', () => {
      if (request.method === 'POST' && url.pathname === '/arm') {
        after = Math.max(1, Number(url.searchParams.get('after') ?? '1'));
        served = 0;
        return send(response, 200, { after });
      }
      if (request.method === 'GET' && url.pathname.startsWith('/jobs/')) {
        served++;
        total++;
        const state = served >= after ? 'done' : 'running';
        return send(response, 200, { id: url.pathname.slice(6), state, polled: served, ...RUNNING_FIELDS });
      }
      if (request.method === 'GET' && url.pathname === '/stats') return send(response, 200, { served, total });
      return send(response, 404, { message: 'not found' });
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
