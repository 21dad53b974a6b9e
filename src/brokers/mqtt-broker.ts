/**
 * MQTT (5 is asked for, so headers travel as user properties) over the `mqtt` package, loaded by
 * createBroker only when a run has an MQTT step. One client per broker URL; sends are QoS 1
 * (resolved on PUBACK); subscriptions are QoS 1 and deliver to the run's mailbox.
 */
import type { MqttClient } from 'mqtt';
import type { BrokerPort } from '../engine/ports.js';
import { createMailbox, decodePayload, encodePayload } from './mailbox.js';

export async function createMqttBroker(): Promise<BrokerPort> {
  const mqtt = await import('mqtt');
  const clients = new Map<string, Promise<MqttClient>>();
  const subscribed = new Set<string>();
  const mailbox = createMailbox();
  const clientFor = (serverUrl: string): Promise<MqttClient> => {
    let client = clients.get(serverUrl);
    if (!client) {
      client = mqtt.connectAsync(serverUrl, { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 10_000 }).then((connected) => {
        connected.on('message', (address, bytes, packet) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(packet.properties?.userProperties ?? {})) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
          mailbox.deliver(`${serverUrl} ${address}`, { headers, payload: decodePayload(bytes, packet.properties?.contentType) });
        });
        return connected;
      });
      clients.set(serverUrl, client);
    }
    return client;
  };
  const subscribe = async (serverUrl: string, address: string): Promise<void> => {
    const key = `${serverUrl} ${address}`;
    if (subscribed.has(key)) return;
    await (await clientFor(serverUrl)).subscribeAsync(address, { qos: 1 });
    subscribed.add(key);
  };
  return {
    async prepare(channels) {
      // An address with {parameters} is only known at the step: it is subscribed there.
      for (const channel of channels) if (!channel.address.includes('{')) await subscribe(channel.serverUrl, channel.address);
    },
    async send(channel, address, message) {
      try {
        await (await clientFor(channel.serverUrl)).publishAsync(address, encodePayload(message.payload), {
          qos: 1,
          properties: { userProperties: message.headers, ...(channel.contentType ? { contentType: channel.contentType } : {}) },
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: `MQTT publish to ${address} on ${channel.serverUrl} failed: ${(error as Error).message}` };
      }
    },
    async receive(channel, address, matches, timeoutMs, signal) {
      try {
        await subscribe(channel.serverUrl, address);
      } catch (error) {
        return { kind: 'failure', message: `MQTT subscribe to ${address} on ${channel.serverUrl} failed: ${(error as Error).message}` };
      }
      return mailbox.take(`${channel.serverUrl} ${address}`, matches, timeoutMs, signal);
    },
    async close() {
      await Promise.all([...clients.values()].map(async (client) => (await client.catch(() => undefined))?.endAsync()));
    },
  };
}
