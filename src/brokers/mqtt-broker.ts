/**
 * MQTT (3.1.1 servers work; 5 is asked for, so headers travel as user properties) over the `mqtt`
 * package, loaded by createBroker only when a run has an MQTT step. One client per broker URL;
 * sends are QoS 1 (resolved on PUBACK); subscriptions are QoS 1 and buffer every message from
 * prepare() on, so receive() sees messages that arrived before it was reached.
 */
import type { MqttClient } from 'mqtt';
import type { AsyncChannel } from '../plan/async-channel.js';
import type { BrokerMessage, BrokerPort, ReceiveOutcome } from './broker-port.js';

type Waiter = { matches: (message: BrokerMessage) => boolean; resolve: (outcome: ReceiveOutcome) => void };

interface Topic {
  buffered: BrokerMessage[];
  waiters: Waiter[];
}

function decodePayload(bytes: Buffer, contentType: string | undefined): unknown {
  const text = bytes.toString('utf8');
  if (contentType === undefined || /json/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function encodePayload(payload: unknown): string {
  return typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
}

export async function createMqttBroker(): Promise<BrokerPort> {
  const mqtt = await import('mqtt');
  const clients = new Map<string, Promise<MqttClient>>();
  const topics = new Map<string, Topic>();
  const subscribed = new Set<string>();
  const subscribe = async (client: MqttClient, serverUrl: string, address: string): Promise<void> => {
    const key = `${serverUrl} ${address}`;
    if (subscribed.has(key)) return;
    topicOf(serverUrl, address);
    await client.subscribeAsync(address, { qos: 1 });
    subscribed.add(key);
  };
  const topicOf = (serverUrl: string, address: string): Topic => {
    const key = `${serverUrl} ${address}`;
    let topic = topics.get(key);
    if (!topic) {
      topic = { buffered: [], waiters: [] };
      topics.set(key, topic);
    }
    return topic;
  };
  const clientFor = (serverUrl: string): Promise<MqttClient> => {
    let client = clients.get(serverUrl);
    if (!client) {
      client = mqtt.connectAsync(serverUrl, { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 10_000 }).then((connected) => {
        connected.on('message', (address, bytes, packet) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(packet.properties?.userProperties ?? {})) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
          const message: BrokerMessage = { headers, payload: decodePayload(bytes, packet.properties?.contentType) };
          const topic = topicOf(serverUrl, address);
          const waiter = topic.waiters.find((w) => w.matches(message));
          if (waiter) {
            topic.waiters.splice(topic.waiters.indexOf(waiter), 1);
            waiter.resolve({ kind: 'received', message });
          } else topic.buffered.push(message);
        });
        return connected;
      });
      clients.set(serverUrl, client);
    }
    return client;
  };
  return {
    async prepare(channels) {
      for (const channel of channels) {
        // An address with {parameters} is only known at the step: it is subscribed there.
        if (!channel.address.includes('{')) await subscribe(await clientFor(channel.serverUrl), channel.serverUrl, channel.address);
      }
    },
    async send(channel: AsyncChannel, address, message) {
      try {
        const client = await clientFor(channel.serverUrl);
        await client.publishAsync(address, encodePayload(message.payload), {
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
        const client = await clientFor(channel.serverUrl);
        await subscribe(client, channel.serverUrl, address);
        const topic = topicOf(channel.serverUrl, address);
        const index = topic.buffered.findIndex(matches);
        if (index >= 0) return { kind: 'received', message: topic.buffered.splice(index, 1)[0]! };
        return await new Promise<ReceiveOutcome>((resolve) => {
          const waiter: Waiter = {
            matches,
            resolve: (outcome) => {
              clearTimeout(timer);
              signal?.removeEventListener('abort', onAbort);
              resolve(outcome);
            },
          };
          const drop = (outcome: ReceiveOutcome): void => {
            const at = topic.waiters.indexOf(waiter);
            if (at >= 0) topic.waiters.splice(at, 1);
            waiter.resolve(outcome);
          };
          const timer = setTimeout(() => drop({ kind: 'timeout' }), timeoutMs);
          const onAbort = (): void => drop({ kind: 'failure', message: 'aborted' });
          signal?.addEventListener('abort', onAbort, { once: true });
          topic.waiters.push(waiter);
        });
      } catch (error) {
        return { kind: 'failure', message: `MQTT subscribe to ${address} on ${channel.serverUrl} failed: ${(error as Error).message}` };
      }
    },
    async close() {
      await Promise.all([...clients.values()].map(async (client) => (await client.catch(() => undefined))?.endAsync()));
    },
  };
}
