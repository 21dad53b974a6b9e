/** The broker port for a run's AsyncAPI channels: one adapter per protocol, each loaded only when used. */
import type { AsyncChannel } from '../plan/async-channel.js';
import type { BrokerPort } from './broker-port.js';

export async function createBroker(channels: readonly AsyncChannel[]): Promise<BrokerPort> {
  const { createMqttBroker } = await import('./mqtt-broker.js');
  const broker = await createMqttBroker();
  await broker.prepare(channels.filter((channel) => channel.action === 'receive'));
  return broker;
}
