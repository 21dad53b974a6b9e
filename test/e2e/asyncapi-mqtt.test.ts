// Arazzo 1.1.0 §Step Object (action send|receive, correlationId, timeout) and "Defining Success for
// Asynchronous Steps", over MQTT against a real mosquitto: an order placed over HTTP (a loopback
// server that publishes its confirmation to the broker), the confirmation received with its
// correlation id, a payment message sent (checked by a subscriber of the test's own).
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';
import { startMosquitto, type Mosquitto } from '../support/mosquitto.js';
import { repoRoot } from '../support/run-cli.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const FLOW = path.join(repoRoot, 'test/fixtures/asyncapi/orders.arazzo.yaml');

let broker: Mosquitto;
let http: LoopbackServer;
let publisher: MqttClient;
let listener: MqttClient;
const payments: Array<{ topic: string; payload: unknown; headers: Record<string, unknown> }> = [];
let confirm = true;

beforeAll(async () => {
  broker = await startMosquitto();
  publisher = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  listener = await mqtt.connectAsync(broker.url, { protocolVersion: 5 });
  await listener.subscribeAsync('payments/#', { qos: 1 });
  listener.on('message', (topic, bytes, packet) => payments.push({ topic, payload: JSON.parse(bytes.toString()), headers: { ...(packet.properties?.userProperties ?? {}) } }));
  http = await startLoopbackServer((request) => {
    const requestId = request.headers['x-request-id'] ?? '';
    if (confirm) {
      // After the answer: a decoy for another order first, then this order's confirmation.
      setTimeout(() => {
        void publisher.publishAsync('orders/confirmed', JSON.stringify({ orderId: 1, status: 'confirmed' }), { qos: 1, properties: { userProperties: { orderRequestId: 'someone-else' } } })
          .then(() => publisher.publishAsync('orders/confirmed', JSON.stringify({ orderId: 77, status: 'confirmed', petId: (request.body as { petId: number }).petId }), { qos: 1, properties: { userProperties: { orderRequestId: requestId } } }));
      }, 50);
    }
    return { status: 202, body: { accepted: true } };
  }, { closeAfter: 'manual' });
}, 30_000);

afterAll(async () => {
  await publisher?.endAsync();
  await listener?.endAsync();
  await http?.close();
  await broker?.stop();
});

const run = (args: string[]) => runCliInProcess(['run', FLOW, '--json', '--server', `ordersApi=${http.url}`, '--server', `orderEvents=${broker.url}`, ...args]);

describe('Arazzo 1.1.0 AsyncAPI steps over MQTT (mosquitto)', () => {
  it('§Step Object receive with correlationId: the matching confirmation is taken (not the decoy); send publishes with headers and channel parameters', async () => {
    confirm = true;
    payments.length = 0;
    const result = await run(['--input', 'requestId=req-123', '--input', 'petId=5']);
    expect(result.stderr).toMatch(/✓ confirmation/);
    expect(result.stderr).not.toMatch(/error|warning/);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { status: string; outputs: Record<string, unknown>; steps: Array<{ stepId: string; outputs: Record<string, unknown> }> };
    expect(json.status).toBe('succeeded');
    expect(json.outputs).toEqual({ orderId: 77 });
    expect(json.steps.find((s) => s.stepId === 'confirmation')?.outputs).toEqual({ orderId: 77, requestId: 'req-123' });
    expect(http.requests.at(-1)?.headers['x-request-id']).toBe('req-123');
    const deadline = Date.now() + 5000;
    while (payments.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(payments).toEqual([{ topic: 'payments/eu/requested', payload: { orderId: 77, amount: 42 }, headers: { orderrequestid: 'req-123' } }]);
  }, 30_000);

  it('"Defining Success for Asynchronous Steps": no matching message within timeout fails the step, exit 1, and nothing is sent after it', async () => {
    confirm = false;
    payments.length = 0;
    const started = Date.now();
    const result = await run(['--input', 'requestId=req-lost', '--input', 'petId=6']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { status: string; error: { stepId: string; message: string } };
    expect(json.error.stepId).toBe('confirmation');
    expect(json.error.message).toMatch(/no message with correlation id req-lost arrived on mqtt orders\/confirmed within 5000 ms/);
    expect(Date.now() - started).toBeLessThan(15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(payments).toEqual([]);
  }, 30_000);

  it('a channel on a protocol this version does not speak is refused before anything is sent (exit 2)', async () => {
    const before = http.requests.length;
    const result = await runCliInProcess(['run', FLOW, '--server', `ordersApi=${http.url}`, '--server', 'orderEvents=kafka://127.0.0.1:9092', '--input', 'requestId=r', '--input', 'petId=1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/kafka server .*MQTT only/);
    expect(http.requests.length).toBe(before);
  });
});
