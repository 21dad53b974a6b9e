/**
 * The broker port for a run's AsyncAPI channels: one adapter per protocol family, each loaded only
 * when a channel of the run uses it, behind one port that dispatches by the channel's protocol.
 */
import type { BrokerPort } from '../engine/ports.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import { familyOf, type ProtocolFamily } from './supported-protocols.js';

const ADAPTERS: Record<ProtocolFamily, () => Promise<BrokerPort>> = {
  mqtt: async () => (await import('./mqtt-broker.js')).createMqttBroker(),
  nats: async () => (await import('./nats-broker.js')).createNatsBroker(),
  amqp: async () => (await import('./amqp-broker.js')).createAmqpBroker(),
  ws: async () => (await import('./ws-broker.js')).createWsBroker(),
};

export async function createBroker(channels: readonly AsyncChannel[]): Promise<BrokerPort> {
  const adapters = new Map<ProtocolFamily, BrokerPort>();
  for (const family of new Set(channels.map((channel) => familyOf(channel.protocol)))) {
    if (family) adapters.set(family, await ADAPTERS[family]());
  }
  const of = (channel: AsyncChannel): BrokerPort => {
    const adapter = adapters.get(familyOf(channel.protocol)!);
    if (!adapter) throw new Error(`no broker adapter for ${channel.protocol}`);
    return adapter;
  };
  const broker: BrokerPort = {
    async prepare(list) {
      for (const [family, adapter] of adapters) await adapter.prepare(list.filter((channel) => familyOf(channel.protocol) === family));
    },
    send: (channel, address, message, signal) => of(channel).send(channel, address, message, signal),
    receive: (channel, address, matches, timeoutMs, signal) => of(channel).receive(channel, address, matches, timeoutMs, signal),
    close: async () => {
      await Promise.all([...adapters.values()].map((adapter) => adapter.close()));
    },
  };
  try {
    await broker.prepare(channels.filter((channel) => channel.action === 'receive'));
  } catch (error) {
    await broker.close().catch(() => undefined);
    throw error;
  }
  return broker;
}
