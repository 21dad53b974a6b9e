/**
 * NATS over the `nats` package, loaded by createBroker only when a run has a NATS step. One
 * connection per server URL; a send resolves once the server has processed it (flush after
 * publish); headers travel as NATS message headers; subscriptions deliver to the run's mailbox.
 */
import type { NatsConnection } from 'nats';
import type { BrokerPort } from '../engine/ports.js';
import { createMailbox, decodePayload, encodePayload } from './mailbox.js';

export async function createNatsBroker(): Promise<BrokerPort> {
  const nats = await import('nats');
  const connections = new Map<string, Promise<NatsConnection>>();
  const subscribed = new Set<string>();
  const mailbox = createMailbox();
  const connectionFor = (serverUrl: string): Promise<NatsConnection> => {
    let connection = connections.get(serverUrl);
    if (!connection) {
      const url = new URL(serverUrl);
      connection = nats.connect({ servers: `${url.hostname}:${url.port || '4222'}`, reconnect: false, timeout: 10_000 });
      connections.set(serverUrl, connection);
    }
    return connection;
  };
  const subscribe = async (serverUrl: string, subject: string): Promise<void> => {
    const key = `${serverUrl} ${subject}`;
    if (subscribed.has(key)) return;
    const connection = await connectionFor(serverUrl);
    connection.subscribe(subject, {
      callback: (error, message) => {
        if (error) return;
        const headers: Record<string, string> = {};
        for (const [name, values] of message.headers ?? []) headers[name.toLowerCase()] = values.join(', ');
        mailbox.deliver(`${serverUrl} ${message.subject}`, { headers, payload: decodePayload(message.data, undefined) });
      },
    });
    // The subscription is registered on the server once a round trip has completed.
    await connection.flush();
    subscribed.add(key);
  };
  return {
    async prepare(channels) {
      for (const channel of channels) if (!channel.address.includes('{')) await subscribe(channel.serverUrl, channel.address);
    },
    async send(channel, address, message) {
      try {
        const connection = await connectionFor(channel.serverUrl);
        const headers = nats.headers();
        for (const [name, value] of Object.entries(message.headers)) headers.set(name, value);
        connection.publish(address, new TextEncoder().encode(encodePayload(message.payload)), { headers });
        await connection.flush();
        return { ok: true };
      } catch (error) {
        return { ok: false, message: `NATS publish to ${address} on ${channel.serverUrl} failed: ${(error as Error).message}` };
      }
    },
    async receive(channel, address, matches, timeoutMs, signal) {
      try {
        await subscribe(channel.serverUrl, address);
      } catch (error) {
        return { kind: 'failure', message: `NATS subscribe to ${address} on ${channel.serverUrl} failed: ${(error as Error).message}` };
      }
      return mailbox.take(`${channel.serverUrl} ${address}`, matches, timeoutMs, signal);
    },
    async close() {
      await Promise.all([...connections.values()].map(async (connection) => (await connection.catch(() => undefined))?.drain()));
    },
  };
}
