/**
 * WebSocket channels over the `ws` package, loaded by createBroker only when a run has a ws step.
 * The channel address is the path on the server (AsyncAPI's WebSockets binding): one socket per
 * path, opened before the first step for receive channels. A WebSocket message has no headers:
 * `in: header` parameters are not carried and a correlation id must be read from the payload
 * (`$message.payload#/…`). A send completes once the frame is written to the socket.
 */
import type WebSocket from 'ws';
import type { BrokerPort } from '../engine/ports.js';
import { brokerOver } from './broker-over.js';
import { decodePayload, encodePayload } from './mailbox.js';

export async function createWsBroker(): Promise<BrokerPort> {
  const { WebSocket: Socket } = await import('ws');
  return brokerOver<WebSocket>({
    label: 'WebSocket',
    connectionKey: (channel, address) => `${channel.serverUrl.replace(/\/+$/, '')}/${address.replace(/^\/+/, '')}`,
    connect: (url) => new Promise<WebSocket>((resolve, reject) => {
      const socket = new Socket(url, { handshakeTimeout: 10_000 });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    }),
    async subscribe(socket, _channel, _address, deliver) {
      socket.on('message', (data) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        deliver({ headers: {}, payload: decodePayload(bytes, undefined) });
      });
    },
    publish: (socket, _channel, _address, message) => new Promise<void>((resolve, reject) => socket.send(encodePayload(message.payload), (error) => (error ? reject(error) : resolve()))),
    close: (socket) => new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close();
      setTimeout(resolve, 1000).unref();
    }),
  });
}
