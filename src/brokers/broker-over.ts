/**
 * What every protocol adapter shares: one connection per key (a server URL, or a socket URL for
 * WebSocket), subscribe once per channel address before the first step (an address with
 * `{parameters}` at its step), deliver into one mailbox, take from it on receive, and say which
 * broker failed. An adapter gives only how to connect, subscribe, publish and close.
 */
import type { BrokerMessage, BrokerPort } from '../engine/ports.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import { createMailbox } from './mailbox.js';

export interface Transport<Connection> {
  /** e.g. MQTT, for messages. */
  label: string;
  /** Which connection a channel's address uses (default: its server URL). */
  connectionKey?: (channel: AsyncChannel, address: string) => string;
  connect(key: string, channel: AsyncChannel, address: string): Promise<Connection>;
  /** Starts delivering the address's messages; resolves once the broker has the subscription. */
  subscribe(connection: Connection, channel: AsyncChannel, address: string, deliver: (message: BrokerMessage) => void): Promise<void>;
  /** Resolves once the broker accepted the message. */
  publish(connection: Connection, channel: AsyncChannel, address: string, message: BrokerMessage): Promise<void>;
  close(connection: Connection): Promise<void>;
}

export function brokerOver<Connection>(transport: Transport<Connection>): BrokerPort {
  const connections = new Map<string, Promise<Connection>>();
  const subscriptions = new Map<string, Promise<void>>();
  const mailbox = createMailbox();
  const keyOf = (channel: AsyncChannel, address: string): string => transport.connectionKey?.(channel, address) ?? channel.serverUrl;
  const connectionFor = (channel: AsyncChannel, address: string): Promise<Connection> => {
    const key = keyOf(channel, address);
    let connection = connections.get(key);
    if (!connection) {
      connection = transport.connect(key, channel, address);
      connections.set(key, connection);
    }
    return connection;
  };
  const boxOf = (channel: AsyncChannel, address: string): string => `${keyOf(channel, address)} ${channel.exchange ?? ''} ${address}`;
  const subscribe = (channel: AsyncChannel, address: string): Promise<void> => {
    const box = boxOf(channel, address);
    let subscription = subscriptions.get(box);
    if (!subscription) {
      subscription = connectionFor(channel, address).then((connection) => transport.subscribe(connection, channel, address, (message) => mailbox.deliver(box, message)));
      subscriptions.set(box, subscription);
    }
    return subscription;
  };
  return {
    async prepare(channels) {
      for (const channel of channels) if (!channel.address.includes('{')) await subscribe(channel, channel.address);
    },
    async send(channel, address, message) {
      try {
        await transport.publish(await connectionFor(channel, address), channel, address, message);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: `${transport.label} send to ${address} on ${channel.serverUrl} failed: ${(error as Error).message}` };
      }
    },
    async receive(channel, address, matches, timeoutMs, signal) {
      try {
        await subscribe(channel, address);
      } catch (error) {
        return { kind: 'failure', message: `${transport.label} subscription to ${address} on ${channel.serverUrl} failed: ${(error as Error).message}` };
      }
      return mailbox.take(boxOf(channel, address), matches, timeoutMs, signal);
    },
    async close() {
      await Promise.all([...connections.values()].map(async (connection) => {
        const opened = await connection.catch(() => undefined);
        if (opened !== undefined) await transport.close(opened).catch(() => undefined);
      }));
    },
  };
}
