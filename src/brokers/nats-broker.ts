/**
 * NATS over the `nats` package, loaded by createBroker only when a run has a NATS step: headers
 * as NATS message headers; a send and a subscription count once a round trip (flush) completed.
 */
import type { NatsConnection } from 'nats';
import type { BrokerPort } from '../engine/ports.js';
import { brokerOver } from './broker-over.js';
import { decodePayload, encodePayload } from './mailbox.js';

export async function createNatsBroker(): Promise<BrokerPort> {
  const nats = await import('nats');
  return brokerOver<NatsConnection>({
    label: 'NATS',
    connect(serverUrl) {
      const url = new URL(serverUrl);
      return nats.connect({ servers: `${url.hostname}:${url.port || '4222'}`, reconnect: false, timeout: 10_000 });
    },
    async subscribe(connection, _channel, address, deliver) {
      connection.subscribe(address, {
        callback: (error, message) => {
          if (error) return;
          const headers: Record<string, string> = {};
          for (const [name, values] of message.headers ?? []) headers[name.toLowerCase()] = values.join(', ');
          deliver({ headers, payload: decodePayload(message.data, undefined) });
        },
      });
      await connection.flush();
    },
    async publish(connection, _channel, address, message) {
      const headers = nats.headers();
      for (const [name, value] of Object.entries(message.headers)) headers.set(name, value);
      connection.publish(address, new TextEncoder().encode(encodePayload(message.payload)), { headers });
      await connection.flush();
    },
    close: (connection) => connection.drain(),
  });
}
