/**
 * MQTT (5 is asked for, so headers travel as user properties) over the `mqtt` package, loaded by
 * createBroker only when a run has an MQTT step: QoS 1 both ways, a send resolves on PUBACK.
 */
import type { MqttClient } from 'mqtt';
import type { BrokerPort } from '../engine/ports.js';
import { brokerOver } from './broker-over.js';
import { decodePayload, encodePayload } from './mailbox.js';

export async function createMqttBroker(): Promise<BrokerPort> {
  const mqtt = await import('mqtt');
  // One client delivers every topic it subscribed: each subscription registers its own topic here.
  const listeners = new Map<MqttClient, Map<string, (bytes: Buffer, headers: Record<string, string>, contentType?: string) => void>>();
  return brokerOver<MqttClient>({
    label: 'MQTT',
    async connect(serverUrl) {
      const client = await mqtt.connectAsync(serverUrl, { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 10_000 });
      const byTopic = new Map<string, (bytes: Buffer, headers: Record<string, string>, contentType?: string) => void>();
      listeners.set(client, byTopic);
      client.on('message', (topic, bytes, packet) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(packet.properties?.userProperties ?? {})) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
        byTopic.get(topic)?.(bytes, headers, packet.properties?.contentType);
      });
      return client;
    },
    async subscribe(client, _channel, address, deliver) {
      listeners.get(client)!.set(address, (bytes, headers, contentType) => deliver({ headers, payload: decodePayload(bytes, contentType) }));
      await client.subscribeAsync(address, { qos: 1 });
    },
    async publish(client, channel, address, message) {
      await client.publishAsync(address, encodePayload(message.payload), {
        qos: 1,
        properties: { userProperties: message.headers, ...(channel.contentType ? { contentType: channel.contentType } : {}) },
      });
    },
    close: (client) => client.endAsync(),
  });
}
