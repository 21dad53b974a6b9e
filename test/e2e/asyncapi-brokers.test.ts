// Arazzo 1.1.0 §Step Object (action send|receive, correlationId, timeout) and "Defining Success for
// Asynchronous Steps", against real brokers started by the tests (mosquitto, nats-server): an order
// placed over HTTP (a loopback server that publishes a decoy and then its confirmation to the
// broker), the confirmation received by correlation id, a payment message sent (checked by a
// subscriber of the test's own). One scenario, every broker.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import mqtt from 'mqtt';
import { connect as natsConnect, headers as natsHeaders } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startMosquitto } from '../support/mosquitto.js';
import { startNatsServer } from '../support/nats-server.js';
import { startRabbitMq, type RabbitMq } from '../support/rabbitmq.js';
import { repoRoot } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { sharedPath } from '../support/shared-path.js';
import { startWsHub, type WsHub } from '../support/ws-hub.js';

const FLOW = path.join(repoRoot, 'test/fixtures/asyncapi/orders.arazzo.yaml');
const PAYMENTS = 'payments/eu/requested';

/** Arazzo 1.1.0 §Step Object "An async step example", on the 1.1 example AsyncAPI document (its payload is a petId). */
const PET_FLOW = `arazzo: 1.1.0
info: { title: Buy a pet over messages, version: 1.0.0 }
sourceDescriptions:
- { name: asyncOrderApi, url: ./pet-asyncapi.yaml, type: asyncapi }
workflows:
- workflowId: buyPet
  inputs:
    type: object
    required: [correlationId, petId]
    properties: { correlationId: { type: string }, petId: { type: integer } }
  steps:
  - stepId: placeOrder
    operationId: $sourceDescriptions.asyncOrderApi.placeOrder
    action: send
    parameters:
    - { name: orderRequestId, in: header, value: $inputs.correlationId }
    requestBody:
      payload: { petId: $inputs.petId }
  - stepId: confirmOrder
    channelPath: '{$sourceDescriptions.asyncOrderApi.url}#/channels/confirm-order'
    action: receive
    correlationId: $inputs.correlationId
    dependsOn: [placeOrder]
    timeout: 6000
    outputs: { orderId: $message.payload#/orderId }
  outputs: { orderId: $steps.confirmOrder.outputs.orderId }
`;

interface Received {
  topic: string;
  payload: unknown;
  headers: Record<string, string>;
}

/** The test's own client of a broker: publishes confirmations, hears payments. */
interface TestClient {
  url: string;
  publish(topic: string, payload: unknown, headers: Record<string, string>): Promise<void>;
  listen(topic: string, into: Received[]): Promise<void>;
  close(): Promise<void>;
}

async function mqttClient(): Promise<TestClient> {
  const server = await startMosquitto();
  const client = await mqtt.connectAsync(server.url, { protocolVersion: 5 });
  return {
    url: server.url,
    publish: async (topic, payload, headers) => {
      await client.publishAsync(topic, JSON.stringify(payload), { qos: 1, properties: { userProperties: headers } });
    },
    listen: async (topic, into) => {
      client.on('message', (t, bytes, packet) => {
        if (t === topic) into.push({ topic: t, payload: JSON.parse(bytes.toString()), headers: Object.fromEntries(Object.entries(packet.properties?.userProperties ?? {}).map(([k, v]) => [k, String(v)])) });
      });
      await client.subscribeAsync(topic, { qos: 1 });
    },
    close: async () => {
      await client.endAsync();
      await server.stop();
    },
  };
}

async function natsClient(): Promise<TestClient> {
  const server = await startNatsServer();
  const url = new URL(server.url);
  const connection = await natsConnect({ servers: `${url.hostname}:${url.port}` });
  return {
    url: server.url,
    publish: async (topic, payload, headers) => {
      const h = natsHeaders();
      for (const [name, value] of Object.entries(headers)) h.set(name, value);
      connection.publish(topic, new TextEncoder().encode(JSON.stringify(payload)), { headers: h });
      await connection.flush();
    },
    listen: async (topic, into) => {
      connection.subscribe(topic, {
        callback: (_error, message) => into.push({ topic: message.subject, payload: JSON.parse(new TextDecoder().decode(message.data)), headers: Object.fromEntries([...(message.headers ?? [])].map(([k, v]) => [k.toLowerCase(), v.join(', ')])) }),
      });
      await connection.flush();
    },
    close: async () => {
      await connection.drain();
      await server.stop();
    },
  };
}

/**
 * The orders API: answers 202, then — while `confirming` — publishes a decoy for another order and
 * this order's confirmation (`orderId`) to orders/confirmed, correlated by the X-Request-Id header.
 */
function startOrdersApi(broker: TestClient, confirming: () => boolean, orderId: number): Promise<LoopbackServer> {
  return startLoopbackServer((request) => {
    const requestId = request.headers['x-request-id'] ?? '';
    if (confirming()) {
      setTimeout(() => {
        void broker.publish('orders/confirmed', { orderId: 1, status: 'confirmed' }, { orderRequestId: 'someone-else' })
          .then(() => broker.publish('orders/confirmed', { orderId, status: 'confirmed' }, { orderRequestId: requestId }));
      }, 50);
    }
    return { status: 202, body: { accepted: true } };
  }, { closeAfter: 'manual' });
}

// RabbitMQ takes seconds to start and stop: one broker for the whole file, stopped after it.
let rabbit: Promise<RabbitMq> | undefined;
afterAll(async () => {
  if (rabbit) await (await rabbit).stop();
}, 60_000);

async function amqpClient(): Promise<TestClient> {
  const server = await (rabbit ??= startRabbitMq());
  const connection = await amqp.connect(server.url);
  const channel = await connection.createConfirmChannel();
  return {
    url: server.url,
    publish: async (topic, payload, headers) => {
      channel.publish('amq.topic', topic, Buffer.from(JSON.stringify(payload)), { headers });
      await channel.waitForConfirms();
    },
    listen: async (topic, into) => {
      const { queue } = await channel.assertQueue('', { exclusive: true });
      await channel.bindQueue(queue, 'amq.topic', topic);
      await channel.consume(queue, (message) => {
        if (message) into.push({ topic: message.fields.routingKey, payload: JSON.parse(message.content.toString()), headers: Object.fromEntries(Object.entries(message.properties.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])) });
      }, { noAck: true });
    },
    close: async () => {
      await connection.close();
    },
  };
}

describe.each([
  { protocol: 'MQTT (mosquitto)', start: mqttClient },
  { protocol: 'NATS (nats-server)', start: natsClient },
  { protocol: 'AMQP 0-9-1 (RabbitMQ)', start: amqpClient },
])('Arazzo 1.1.0 AsyncAPI steps over $protocol', ({ start }) => {
  let broker: TestClient;
  let http: LoopbackServer;
  let confirm = true;
  const payments: Received[] = [];

  beforeAll(async () => {
    broker = await start();
    await broker.listen(PAYMENTS, payments);
    http = await startOrdersApi(broker, () => confirm, 77);
  }, 90_000);

  afterAll(async () => {
    await http?.close();
    await broker?.close();
  });

  const run = (args: string[]) => runCliInProcess(['run', FLOW, '--json', '--server', `ordersApi=${http.url}`, '--server', `orderEvents=${broker.url}`, ...args]);

  it('§Step Object receive with correlationId takes the matching confirmation (not the decoy); send publishes with headers and channel parameters', async () => {
    confirm = true;
    payments.length = 0;
    const result = await run(['--input', 'requestId=req-123', '--input', 'petId=5']);
    expect(result.stderr).toMatch(/✓ confirmation/);
    expect(result.stderr).not.toMatch(/error|warning/);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { status: string; outputs: Record<string, unknown>; steps: Array<{ stepId: string; outputs: Record<string, unknown> }> };
    expect(json.outputs).toEqual({ orderId: 77 });
    expect(json.steps.find((s) => s.stepId === 'confirmation')?.outputs).toEqual({ orderId: 77, requestId: 'req-123' });
    // --json carries the messages: the one received (not the decoy) and the one sent.
    const messages = (json.steps as Array<{ stepId: string; message?: Record<string, unknown> }>).filter((s) => s.message).map((s) => [s.stepId, s.message]);
    expect(messages).toEqual([
      ['confirmation', expect.objectContaining({ action: 'receive', address: 'orders/confirmed', payload: { orderId: 77, status: 'confirmed' }, headers: expect.objectContaining({ orderrequestid: 'req-123' }) })],
      ['requestPayment', expect.objectContaining({ action: 'send', address: 'payments/eu/requested', payload: { orderId: 77, amount: 42 } })],
    ]);
    expect(http.requests.at(-1)?.headers['x-request-id']).toBe('req-123');
    const deadline = Date.now() + 5000;
    while (payments.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(payments).toEqual([{ topic: PAYMENTS, payload: { orderId: 77, amount: 42 }, headers: { orderrequestid: 'req-123' } }]);
  }, 30_000);

  it('the 1.1 example pet-asyncapi.yaml, driven by the spec\'s async step example: the order sent to place-order, the reply taken from confirm-order by correlation id', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-pet-'));
    try {
      cpSync(sharedPath('reference/arazzo-1.1/examples/pet-asyncapi.yaml'), path.join(dir, 'pet-asyncapi.yaml'));
      writeFileSync(path.join(dir, 'buy-pet.arazzo.yaml'), PET_FLOW);
      const orders: Received[] = [];
      await broker.listen('place-order', orders);
      // The pet store's side: answer each order on confirm-order with its correlation id.
      const store = (async () => {
        const deadline = Date.now() + 10_000;
        while (orders.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        const order = orders[0];
        if (order) await broker.publish('confirm-order', { orderId: 4242 }, { orderRequestId: order.headers['orderrequestid'] ?? '' });
      })();
      // The example's own server is Kafka, which this version does not speak: pointed at this broker.
      const result = await runCliInProcess(['run', path.join(dir, 'buy-pet.arazzo.yaml'), '--json', '--server', `asyncOrderApi=${broker.url}`, '--input', 'correlationId=pet-7', '--input', 'petId=7']);
      await store;
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { outputs: unknown }).outputs).toEqual({ orderId: 4242 });
      expect(orders).toEqual([{ topic: 'place-order', payload: { petId: 7 }, headers: { orderrequestid: 'pet-7' } }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('"Defining Success for Asynchronous Steps": no matching message within timeout fails the step, exit 1, nothing sent after it', async () => {
    confirm = false;
    payments.length = 0;
    const started = Date.now();
    const result = await run(['--input', 'requestId=req-lost', '--input', 'petId=6']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { error: { stepId: string; message: string } };
    expect(json.error.stepId).toBe('confirmation');
    expect(json.error.message).toMatch(/no message with correlation id req-lost arrived on \w+ orders\/confirmed within 2000 ms/);
    expect(Date.now() - started).toBeLessThan(15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(payments).toEqual([]);
  }, 30_000);
});

describe('Arazzo 1.1.0 §Step Dependencies, the mixed workflow: a confirmation over MQTT waited for while the order is placed over HTTP, the payment sent over AMQP at the dependsOn join', () => {
  const MIXED = path.join(repoRoot, 'test/fixtures/asyncapi/mixed.arazzo.yaml');
  let mqttSide: TestClient;
  let amqpSide: TestClient;
  let http: LoopbackServer;
  let confirm = true;
  const payments: Received[] = [];

  beforeAll(async () => {
    const named = (side: string) => (error: Error): never => {
      throw new Error(`${side}: ${error.message}`);
    };
    mqttSide = await mqttClient().catch(named('the MQTT side (mosquitto)'));
    amqpSide = await amqpClient().catch(named('the AMQP side (RabbitMQ)'));
    await amqpSide.listen(PAYMENTS, payments);
    http = await startOrdersApi(mqttSide, () => confirm, 91);
  }, 90_000);

  afterAll(async () => {
    await http?.close();
    await Promise.all([mqttSide?.close(), amqpSide?.close()]);
  });

  const run = (requestId: string) => runCliInProcess(['run', MIXED, '--json', '--server', `ordersApi=${http.url}`, '--server', `orderEvents=${mqttSide.url}`, '--server', `paymentEvents=${amqpSide.url}`, '--input', `requestId=${requestId}`, '--input', 'petId=3']);

  it('the receive, placed first, takes the confirmation the HTTP call triggered; the AMQP payment carries its order id', async () => {
    confirm = true;
    payments.length = 0;
    const result = await run('req-mixed');
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { outputs: unknown }).outputs).toEqual({ orderId: 91 });
    expect(http.requests.at(-1)?.headers['x-request-id']).toBe('req-mixed');
    const deadline = Date.now() + 5000;
    while (payments.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(payments).toEqual([{ topic: PAYMENTS, payload: { orderId: 91, amount: 42 }, headers: { orderrequestid: 'req-mixed' } }]);
  }, 30_000);

  it('a confirmation that never comes fails the run at the join within its timeout: exit 1, the order placed, no payment', async () => {
    confirm = false;
    payments.length = 0;
    const sent = http.requests.length;
    const result = await run('req-mixed-lost');
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { error: { stepId: string; message: string } }).error).toMatchObject({ stepId: 'confirmation', message: expect.stringMatching(/within 2000 ms \(timeout\)/) });
    expect(http.requests.length).toBe(sent + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(payments).toEqual([]);
  }, 30_000);
});

describe('Arazzo 1.1.0 AsyncAPI steps: what cannot run is refused before anything is sent', () => {
  it('a channel on a protocol this version does not speak (Kafka): exit 2, no HTTP request', async () => {
    const http = await startLoopbackServer(() => ({ status: 202, body: {} }));
    const result = await runCliInProcess(['run', FLOW, '--server', `ordersApi=${http.url}`, '--server', 'orderEvents=kafka://127.0.0.1:9092', '--input', 'requestId=r', '--input', 'petId=1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/kafka server .* only/);
    expect(http.requests).toHaveLength(0);
  });

  it('a broker that cannot be reached: exit 1 before the first step, no HTTP request', async () => {
    const http = await startLoopbackServer(() => ({ status: 202, body: {} }));
    const result = await runCliInProcess(['run', FLOW, '--server', `ordersApi=${http.url}`, '--server', 'orderEvents=mqtt://127.0.0.1:1', '--input', 'requestId=r', '--input', 'petId=1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot subscribe to the run's channels on mqtt:\/\/127\.0\.0\.1:1/);
    expect(http.requests).toHaveLength(0);
  });
});

describe('Arazzo 1.1.0 AsyncAPI steps over WebSocket (a ws hub in the test): correlation read from the payload', () => {
  let dir: string;
  let hub: WsHub;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-ws-'));
    cpSync(path.join(repoRoot, 'test/fixtures/asyncapi'), dir, { recursive: true });
    // WebSocket messages have no headers: the correlation id travels in the payload.
    const events = path.join(dir, 'orders-events.yaml');
    writeFileSync(events, readFileSync(events, 'utf8').replaceAll('$message.header#/orderRequestId', '$message.payload#/orderRequestId'));
    hub = await startWsHub();
  });

  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('§Step Object receive takes the payload-correlated confirmation; send writes the payment on its path', async () => {
    const http = await startLoopbackServer((request) => {
      const requestId = request.headers['x-request-id'] ?? '';
      setTimeout(() => {
        hub.publish('/orders/confirmed', { orderId: 1, status: 'confirmed', orderRequestId: 'someone-else' });
        hub.publish('/orders/confirmed', { orderId: 78, status: 'confirmed', orderRequestId: requestId });
      }, 50);
      return { status: 202, body: { accepted: true } };
    });
    const result = await runCliInProcess(['run', path.join(dir, 'orders.arazzo.yaml'), '--json', '--server', `ordersApi=${http.url}`, '--server', `orderEvents=${hub.url}`, '--input', 'requestId=req-ws', '--input', 'petId=9']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { outputs: unknown }).outputs).toEqual({ orderId: 78 });
    const deadline = Date.now() + 5000;
    while (!hub.heard.some((h) => h.path === '/payments/eu/requested') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hub.heard.filter((h) => h.path === '/payments/eu/requested')).toEqual([{ path: '/payments/eu/requested', payload: { orderId: 78, amount: 42 } }]);
  }, 30_000);
});
