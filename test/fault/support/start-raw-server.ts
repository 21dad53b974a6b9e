/**
 * A raw TCP server on 127.0.0.1, port 0, for faults node:http cannot produce: garbage instead of
 * HTTP, a reset in the middle of a body. `onRequest` gets the socket once a request head has
 * arrived and the 1-based number of that connection. Cleanup is registered at creation.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface RawServer {
  url: string;
  /** Request heads received, in order. */
  heads: string[];
}

export async function startRawServer(onRequest: (socket: Socket, connection: number) => void): Promise<RawServer> {
  const heads: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const number = ++connections;
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      heads.push(buffered.slice(0, end));
      buffered = buffered.slice(end + 4);
      onRequest(socket, number);
    });
  });
  onTestFinished(() => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, heads };
}
