/**
 * WebSocket channels over the `ws` package, loaded by createBroker only when a run has a ws step.
 * The channel address is the path on the server (AsyncAPI's WebSockets binding); one socket per
 * server and address, opened before the first step for receive channels. A WebSocket message has
 * no headers: `in: header` parameters are not carried, and a correlation id must be read from the
 * payload (`$message.payload#/…`). A send completes once the frame is written to the socket.
 */
import type WebSocket from 'ws';
import type { BrokerPort } from '../engine/ports.js';
import { createMailbox, decodePayload, encodePayload } from './mailbox.js';

export async function createWsBroker(): Promise<BrokerPort> {
  const { WebSocket: Socket } = await import('ws');
  const sockets = new Map<string, Promise<WebSocket>>();
  const mailbox = createMailbox();
  const urlOf = (serverUrl: string, address: string): string => `${serverUrl.replace(/\/+$/, '')}/${address.replace(/^\/+/, '')}`;
  const socketFor = (serverUrl: string, address: string): Promise<WebSocket> => {
    const url = urlOf(serverUrl, address);
    let socket = sockets.get(url);
    if (!socket) {
      socket = new Promise<WebSocket>((resolve, reject) => {
        const opened = new Socket(url, { handshakeTimeout: 10_000 });
        opened.on('message', (data) => {
          const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
          mailbox.deliver(url, { headers: {}, payload: decodePayload(bytes, undefined) });
        });
        opened.once('open', () => resolve(opened));
        opened.once('error', reject);
      });
      sockets.set(url, socket);
    }
    return socket;
  };
  return {
    async prepare(channels) {
      for (const channel of channels) if (!channel.address.includes('{')) await socketFor(channel.serverUrl, channel.address);
    },
    async send(channel, address, message) {
      try {
        const socket = await socketFor(channel.serverUrl, address);
        await new Promise<void>((resolve, reject) => socket.send(encodePayload(message.payload), (error) => (error ? reject(error) : resolve())));
        return { ok: true };
      } catch (error) {
        return { ok: false, message: `WebSocket send to ${urlOf(channel.serverUrl, address)} failed: ${(error as Error).message}` };
      }
    },
    async receive(channel, address, matches, timeoutMs, signal) {
      try {
        await socketFor(channel.serverUrl, address);
      } catch (error) {
        return { kind: 'failure', message: `WebSocket connection to ${urlOf(channel.serverUrl, address)} failed: ${(error as Error).message}` };
      }
      return mailbox.take(urlOf(channel.serverUrl, address), matches, timeoutMs, signal);
    },
    async close() {
      await Promise.all([...sockets.values()].map(async (socket) => {
        const opened = await socket.catch(() => undefined);
        if (!opened) return;
        await new Promise<void>((resolve) => {
          opened.once('close', () => resolve());
          opened.close();
          setTimeout(resolve, 1000).unref();
        });
      }));
    },
  };
}
