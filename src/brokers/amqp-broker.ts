/**
 * AMQP 0-9-1 (RabbitMQ) over `amqplib`, loaded by createBroker only when a run has an AMQP step.
 * A channel address is a routing key on a topic exchange: the one the AsyncAPI channel's amqp
 * binding names, else `amq.topic` (every broker has it). A send goes through a confirm channel
 * and resolves when the broker confirmed it; a receive channel gets an exclusive, auto-deleted
 * queue bound to its routing key before the first step, so the run hears what is published after
 * and takes nothing from other consumers. Headers travel as AMQP message headers.
 */
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import type { BrokerPort } from '../engine/ports.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import { createMailbox, decodePayload, encodePayload } from './mailbox.js';

export const DEFAULT_EXCHANGE = 'amq.topic';

export async function createAmqpBroker(): Promise<BrokerPort> {
  const amqp = await import('amqplib');
  const connections = new Map<string, Promise<{ model: ChannelModel; channel: ConfirmChannel }>>();
  const bound = new Set<string>();
  const mailbox = createMailbox();
  const exchangeOf = (channel: AsyncChannel): string => channel.exchange ?? DEFAULT_EXCHANGE;
  const connectionFor = (serverUrl: string) => {
    let connection = connections.get(serverUrl);
    if (!connection) {
      connection = (async () => {
        const model = await amqp.connect(serverUrl);
        model.on('error', () => undefined);
        const channel = await model.createConfirmChannel();
        channel.on('error', () => undefined);
        return { model, channel };
      })();
      connections.set(serverUrl, connection);
    }
    return connection;
  };
  const bind = async (channel: AsyncChannel, address: string): Promise<void> => {
    const key = `${channel.serverUrl} ${exchangeOf(channel)} ${address}`;
    if (bound.has(key)) return;
    const { channel: amqpChannel } = await connectionFor(channel.serverUrl);
    if (exchangeOf(channel) !== DEFAULT_EXCHANGE) await amqpChannel.assertExchange(exchangeOf(channel), 'topic', { durable: false });
    const { queue } = await amqpChannel.assertQueue('', { exclusive: true, autoDelete: true });
    await amqpChannel.bindQueue(queue, exchangeOf(channel), address);
    await amqpChannel.consume(queue, (message) => {
      if (!message) return;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.properties.headers ?? {})) headers[name.toLowerCase()] = String(value);
      mailbox.deliver(key, { headers, payload: decodePayload(message.content, message.properties.contentType as string | undefined) });
    }, { noAck: true });
    bound.add(key);
  };
  return {
    async prepare(channels) {
      for (const channel of channels) if (!channel.address.includes('{')) await bind(channel, channel.address);
    },
    async send(channel, address, message) {
      try {
        const { channel: amqpChannel } = await connectionFor(channel.serverUrl);
        if (exchangeOf(channel) !== DEFAULT_EXCHANGE) await amqpChannel.assertExchange(exchangeOf(channel), 'topic', { durable: false });
        amqpChannel.publish(exchangeOf(channel), address, Buffer.from(encodePayload(message.payload)), { headers: message.headers, ...(channel.contentType ? { contentType: channel.contentType } : {}) });
        await amqpChannel.waitForConfirms();
        return { ok: true };
      } catch (error) {
        return { ok: false, message: `AMQP publish to ${address} on ${exchangeOf(channel)} failed: ${(error as Error).message}` };
      }
    },
    async receive(channel, address, matches, timeoutMs, signal) {
      try {
        await bind(channel, address);
      } catch (error) {
        return { kind: 'failure', message: `AMQP subscribe to ${address} on ${exchangeOf(channel)} failed: ${(error as Error).message}` };
      }
      return mailbox.take(`${channel.serverUrl} ${exchangeOf(channel)} ${address}`, matches, timeoutMs, signal);
    },
    async close() {
      await Promise.all([...connections.values()].map(async (connection) => {
        const opened = await connection.catch(() => undefined);
        await opened?.model.close().catch(() => undefined);
      }));
    },
  };
}
