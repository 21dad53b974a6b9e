/**
 * AMQP 0-9-1 (RabbitMQ) over `amqplib`, loaded by createBroker only when a run has an AMQP step.
 * A channel address is a routing key on a topic exchange: the one the AsyncAPI channel's amqp
 * binding names, else `amq.topic` (every broker has it). Sends go through a confirm channel and
 * resolve when the broker confirmed; a receive channel gets an exclusive, auto-deleted queue bound
 * to its routing key before the first step, so the run takes nothing from other consumers.
 * Headers travel as AMQP message headers.
 */
import type { ChannelModel, ConfirmChannel } from 'amqplib';
import type { BrokerPort } from '../engine/ports.js';
import type { AsyncChannel } from '../plan/async-channel.js';
import { brokerOver } from './broker-over.js';
import { decodePayload, encodePayload } from './mailbox.js';

export const DEFAULT_EXCHANGE = 'amq.topic';

interface Amqp {
  model: ChannelModel;
  channel: ConfirmChannel;
}

const exchangeOf = (channel: AsyncChannel): string => channel.exchange ?? DEFAULT_EXCHANGE;

async function useExchange(amqp: Amqp, channel: AsyncChannel): Promise<string> {
  const exchange = exchangeOf(channel);
  if (exchange !== DEFAULT_EXCHANGE) await amqp.channel.assertExchange(exchange, 'topic', { durable: false });
  return exchange;
}

export async function createAmqpBroker(): Promise<BrokerPort> {
  const amqplib = await import('amqplib');
  return brokerOver<Amqp>({
    label: 'AMQP',
    async connect(serverUrl) {
      const model = await amqplib.connect(serverUrl);
      model.on('error', () => undefined);
      const channel = await model.createConfirmChannel();
      channel.on('error', () => undefined);
      return { model, channel };
    },
    async subscribe(amqp, channel, address, deliver) {
      const exchange = await useExchange(amqp, channel);
      const { queue } = await amqp.channel.assertQueue('', { exclusive: true, autoDelete: true });
      await amqp.channel.bindQueue(queue, exchange, address);
      await amqp.channel.consume(queue, (message) => {
        if (!message) return;
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.properties.headers ?? {})) headers[name.toLowerCase()] = String(value);
        deliver({ headers, payload: decodePayload(message.content, message.properties.contentType as string | undefined) });
      }, { noAck: true });
    },
    async publish(amqp, channel, address, message) {
      const exchange = await useExchange(amqp, channel);
      amqp.channel.publish(exchange, address, Buffer.from(encodePayload(message.payload)), { headers: message.headers, ...(channel.contentType ? { contentType: channel.contentType } : {}) });
      await amqp.channel.waitForConfirms();
    },
    close: (amqp) => amqp.model.close(),
  });
}
