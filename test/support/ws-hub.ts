/**
 * A WebSocket hub on 127.0.0.1 (the `ws` package's server) for AsyncAPI steps over WebSocket: a
 * socket's path is its channel; the hub keeps what clients send and publishes to every socket on
 * a path. Closed by the caller.
 */
import { WebSocketServer, type WebSocket } from 'ws';

export interface WsHub {
  /** ws://127.0.0.1:PORT */
  url: string;
  /** Every message a client sent, with the path of its socket, in arrival order. */
  heard: Array<{ path: string; payload: unknown }>;
  /** Sends the payload (as JSON) to every socket open on the path. */
  publish(path: string, payload: unknown): void;
  /** Hears each new socket (e.g. to publish once a run subscribed). */
  onConnection(listener: (path: string) => void): () => void;
  close(): Promise<void>;
}

export async function startWsHub(): Promise<WsHub> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const sockets = new Map<string, Set<WebSocket>>();
  const heard: WsHub['heard'] = [];
  server.on('connection', (socket, request) => {
    const where = request.url ?? '/';
    if (!sockets.has(where)) sockets.set(where, new Set());
    sockets.get(where)!.add(socket);
    socket.on('message', (data) => heard.push({ path: where, payload: JSON.parse(String(data)) }));
    socket.on('close', () => sockets.get(where)?.delete(socket));
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`,
    heard,
    publish: (where, payload) => {
      for (const socket of sockets.get(where) ?? []) socket.send(JSON.stringify(payload));
    },
    onConnection: (listener) => {
      const heardSocket = (_socket: WebSocket, request: { url?: string }): void => listener(request.url ?? '/');
      server.on('connection', heardSocket);
      return () => server.off('connection', heardSocket);
    },
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
