/**
 * Arazzo 1.1.0 §Step Object dependsOn and §Step Dependencies and Execution Order ("Use Case: Async
 * Coordination": dependsOn is a join point for in-flight async work; "Tool Behavior": output
 * references are implicit dependencies). An AsyncAPI step that a later step depends on starts
 * without blocking: the HTTP call that triggers its message runs while it waits, and the steps
 * that depend on it (or read its outputs) wait for it. Over WebSocket (a ws hub in the test) and a
 * loopback HTTP server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../../support/loopback-server.js';
import { startWsHub, type WsHub } from '../../support/ws-hub.js';
import { loadPlan } from '../../../src/cli/load-plan.js';
import { advance } from '../../../src/engine/advance.js';
import type { MessageEffect, SendEffect } from '../../../src/engine/effects.js';
import type { BrokerPort } from '../../../src/engine/ports.js';
import { asyncChannelKey, createRunEnv } from '../../../src/engine/run-env.js';
import { startRun } from '../../../src/engine/run-workflow.js';
import { systemClock } from '../../../src/runtime/system-clock.js';
import { repoRoot, requireCliBuilt } from '../../support/run-cli.js';
import { runCliInProcess } from '../../support/run-cli-in-process.js';

const EVENTS = `asyncapi: 3.0.0
info: { title: Order events, version: 1.0.0 }
defaultContentType: application/json
servers:
  hub: { host: localhost:1, protocol: ws }
channels:
  orderConfirmed:
    address: /orders/confirmed
    messages: { confirmation: { $ref: '#/components/messages/Order' } }
  orderShipped:
    address: /orders/shipped
    messages: { shipped: { $ref: '#/components/messages/Order' } }
  paymentRequested:
    address: /payments
    messages: { payment: { payload: { type: object } } }
operations:
  confirmOrder: { action: send, channel: { $ref: '#/channels/orderConfirmed' } }
  shipOrder: { action: send, channel: { $ref: '#/channels/orderShipped' } }
  requestPayment: { action: receive, channel: { $ref: '#/channels/paymentRequested' } }
components:
  messages:
    Order:
      correlationId: { location: '$message.payload#/requestId' }
      payload: { type: object }
`;

const API = `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
servers: [ { url: http://localhost:1 } ]
paths:
  /orders:
    post:
      operationId: placeOrder
      responses: { '202': { description: accepted } }
  /orders/{orderId}:
    get:
      operationId: getOrder
      parameters: [ { name: orderId, in: path, required: true, schema: { type: integer } } ]
      responses: { '200': { description: the order } }
`;

const receive = (stepId: string, operation: string): string => `  - stepId: ${stepId}
    operationId: $sourceDescriptions.orderEvents.${operation}
    action: receive
    correlationId: $inputs.requestId
    timeout: 1500
    outputs: { orderId: $message.payload#/orderId }`;

const FLOW = `arazzo: 1.1.0
info: { title: joins, version: '1' }
sourceDescriptions:
- { name: ordersApi, url: ./orders-api.yaml, type: openapi }
- { name: orderEvents, url: ./orders-events.yaml, type: asyncapi }
workflows:
- workflowId: listenFirst
  inputs: { type: object, properties: { requestId: { type: string } } }
  steps:
${receive('confirmation', 'confirmOrder')}
  - stepId: placeOrder
    operationId: $sourceDescriptions.ordersApi.placeOrder
    requestBody: { contentType: application/json, payload: { requestId: $inputs.requestId } }
  - stepId: getOrder
    operationId: $sourceDescriptions.ordersApi.getOrder
    parameters: [ { name: orderId, in: path, value: $steps.confirmation.outputs.orderId } ]
  - stepId: pay
    operationId: $sourceDescriptions.orderEvents.requestPayment
    action: send
    dependsOn: [ confirmation ]
    requestBody: { payload: { orderId: $steps.confirmation.outputs.orderId } }
  outputs: { orderId: $steps.confirmation.outputs.orderId }
- workflowId: twoAtOnce
  inputs: { type: object, properties: { requestId: { type: string } } }
  steps:
${receive('confirmation', 'confirmOrder')}
${receive('shipped', 'shipOrder')}
  - stepId: placeOrder
    operationId: $sourceDescriptions.ordersApi.placeOrder
    requestBody: { contentType: application/json, payload: { requestId: $inputs.requestId } }
  - stepId: pay
    operationId: $sourceDescriptions.orderEvents.requestPayment
    action: send
    dependsOn: [ confirmation, shipped ]
    requestBody: { payload: { confirmed: $steps.confirmation.outputs.orderId, shipped: $steps.shipped.outputs.orderId } }
- workflowId: resumable
  inputs: { type: object, properties: { requestId: { type: string } } }
  steps:
${receive('confirmation', 'confirmOrder')}
  - stepId: ping
    operationId: $sourceDescriptions.ordersApi.getOrder
    parameters: [ { name: orderId, in: path, value: 0 } ]
  - stepId: pay
    operationId: $sourceDescriptions.orderEvents.requestPayment
    action: send
    dependsOn: [ confirmation ]
    requestBody: { payload: { orderId: $steps.confirmation.outputs.orderId } }
  outputs: { orderId: $steps.confirmation.outputs.orderId }
`;

describe('Arazzo 1.1.0 §Step Dependencies and Execution Order: non-blocking AsyncAPI steps joined by dependsOn', () => {
  let dir: string;
  let hub: WsHub;
  let hubUrl: string;
  let heard: WsHub['heard'];
  /** What the HTTP server publishes after it answered POST /orders, in this order. */
  let publishes: Array<{ path: string; orderId: number }> = [];

  const publish = (where: string, payload: unknown): void => hub.publish(where, payload);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-joins-'));
    writeFileSync(path.join(dir, 'orders-events.yaml'), EVENTS);
    writeFileSync(path.join(dir, 'orders-api.yaml'), API);
    writeFileSync(path.join(dir, 'flow.arazzo.yaml'), FLOW);
    hub = await startWsHub();
    hubUrl = hub.url;
    heard = hub.heard;
  });

  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(workflowId: string, requestId: string, extra: string[] = []) {
    heard.length = 0;
    const http = await startLoopbackServer((request) => {
      if (request.method !== 'POST') return { status: 200, body: { found: request.url } };
      const body = request.body as { requestId: string };
      // Only once the order is placed: a decoy first, then the messages of this order.
      setTimeout(() => {
        publish('/orders/confirmed', { requestId: 'someone-else', orderId: 1 });
        for (const message of publishes) publish(message.path, { requestId: body.requestId, orderId: message.orderId });
      }, 30);
      return { status: 202, body: {} };
    });
    const result = await runCliInProcess(['run', path.join(dir, 'flow.arazzo.yaml'), '--workflow', workflowId, '--json', '--server', `ordersApi=${http.url}`, '--server', `orderEvents=${hubUrl}`, '--input', `requestId=${requestId}`, ...extra]);
    return { result, json: JSON.parse(result.stdout) as { status: string; outputs: Record<string, unknown>; error?: { stepId: string; message: string }; steps: Array<{ stepId: string; status: string }> }, requests: http.requests.map((r) => `${r.method} ${r.url}`) };
  }

  const payments = async (count: number): Promise<unknown[]> => {
    const deadline = Date.now() + 5000;
    while (heard.filter((h) => h.path === '/payments').length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return heard.filter((h) => h.path === '/payments').map((h) => h.payload);
  };

  it('a receive placed before the HTTP call that triggers its message waits while the call is made; a step reading its outputs and a step naming it in dependsOn wait for it', async () => {
    publishes = [{ path: '/orders/confirmed', orderId: 78 }];
    const { result, json, requests } = await run('listenFirst', 'req-1');
    expect(result.code, result.stderr).toBe(0);
    expect(json.outputs).toEqual({ orderId: 78 });
    // In sequence the receive would have waited out its timeout before the order was placed.
    expect(requests).toEqual(['POST /orders', 'GET /orders/78']);
    expect(await payments(1)).toEqual([{ orderId: 78 }]);
  });

  it('--verbose prints each message sent and received; --har keeps them in log._messages (issue 14: reports carry messages)', async () => {
    publishes = [{ path: '/orders/confirmed', orderId: 12 }];
    const har = path.join(dir, 'run.har');
    const { result } = await run('listenFirst', 'req-v', ['--verbose', '--har', har]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/← received ws \/orders\/confirmed\n\s+\{"requestId":"req-v","orderId":12\}/);
    expect(result.stderr).toMatch(/→ send ws \/payments\n\s+\{"orderId":12\}/);
    const log = (JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: unknown[]; _messages: Array<{ _stepId: string; action: string; address: string; payload: unknown }> } }).log;
    expect(log.entries).toHaveLength(2);
    expect(log._messages.map((m) => [m._stepId, m.action, m.address, m.payload])).toEqual([
      ['confirmation', 'receive', '/orders/confirmed', { requestId: 'req-v', orderId: 12 }],
      ['pay', 'send', '/payments', { orderId: 12 }],
    ]);
  });

  it('two receives wait at the same time and one dependsOn joins both, whichever message comes first', async () => {
    publishes = [{ path: '/orders/shipped', orderId: 5 }, { path: '/orders/confirmed', orderId: 6 }];
    const { result, json, requests } = await run('twoAtOnce', 'req-2');
    expect(result.code, result.stderr).toBe(0);
    expect(requests).toEqual(['POST /orders']);
    expect(json.steps.map((s) => [s.stepId, s.status])).toEqual(expect.arrayContaining([['confirmation', 'succeeded'], ['shipped', 'succeeded'], ['pay', 'succeeded']]));
    expect(await payments(1)).toEqual([{ confirmed: 6, shipped: 5 }]);
  });

  it('a non-blocking receive that times out fails the workflow where it is joined: exit 1, its reason, the steps depending on it not run', async () => {
    publishes = [{ path: '/orders/shipped', orderId: 5 }];
    const { result, json, requests } = await run('twoAtOnce', 'req-3');
    expect(result.code).toBe(1);
    expect(json.error?.stepId).toBe('confirmation');
    expect(json.error?.message).toMatch(/no message with correlation id req-3 arrived on ws \/orders\/confirmed within 1500 ms/);
    // The order was placed while both receives waited; the payment was never sent.
    expect(requests).toEqual(['POST /orders']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.filter((h) => h.path === '/payments')).toEqual([]);
  });

  it('a run killed while its receive waited is resumed: the receive is subscribed and waited for again, then joined', async () => {
    requireCliBuilt();
    heard.length = 0;
    const state = path.join(dir, 'run.json');
    let child: ChildProcess | undefined;
    let connections = 0;
    // The confirmation is published only to the resumed run (its second subscription).
    const stopHearing = hub.onConnection((where) => {
      if (where === '/orders/confirmed' && ++connections === 2) setTimeout(() => publish('/orders/confirmed', { requestId: 'req-4', orderId: 9 }), 100);
    });
    const http = await startLoopbackServer(() => {
      child?.kill('SIGKILL');
      return { status: 200, body: {} };
    });
    const args = ['flow.arazzo.yaml', '--workflow', 'resumable', '--server', `ordersApi=${http.url}`, '--server', `orderEvents=${hubUrl}`, '--input', 'requestId=req-4', '--state-file', state];
    try {
      child = spawn(process.execPath, [path.join(repoRoot, 'bin/arazzo.js'), 'run', ...args], { cwd: dir, stdio: 'ignore' });
      const killed = await new Promise<NodeJS.Signals | null>((resolve) => child!.once('close', (_code, signal) => resolve(signal)));
      expect(killed).toBe('SIGKILL');
      const saved = JSON.parse(readFileSync(state, 'utf8')) as { state: { frames: Array<{ detached?: Array<{ method: string }> }>; inFlight?: { method: string } } };
      expect(saved.state.frames[0]?.detached?.map((d) => d.method)).toEqual(['RECEIVE']);
      expect(saved.state.inFlight?.method).toBe('GET');
      const resumed = await runCliInProcess(['resume', state, '--json'], { cwd: dir });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect((JSON.parse(resumed.stdout) as { outputs: unknown }).outputs).toEqual({ orderId: 9 });
      // The GET in flight was sent again (idempotent); the payment once, after the confirmation.
      expect(http.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
      expect(await payments(1)).toEqual([{ orderId: 9 }]);
    } finally {
      stopHearing();
      child?.kill('SIGKILL');
      await http.close();
    }
  });

  it('--server-variable fills an AsyncAPI server\'s {variables} (a default otherwise); one with neither is exit 2, server-variable-missing', async () => {
    const sub = path.join(dir, 'vars');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, 'orders-api.yaml'), API);
    writeFileSync(path.join(sub, 'flow.arazzo.yaml'), FLOW);
    const port = new URL(hubUrl).port;
    const withVariables = (variables: string): void => writeFileSync(path.join(sub, 'orders-events.yaml'), EVENTS.replace('hub: { host: localhost:1, protocol: ws }', `hub: { host: '127.0.0.1:{port}', protocol: ws, variables: ${variables} }`));
    withVariables(`{ port: { default: '1' } }`);
    publishes = [{ path: '/orders/confirmed', orderId: 31 }];
    const http = await startLoopbackServer((request) => {
      if (request.method === 'POST') setTimeout(() => publish('/orders/confirmed', { requestId: 'req-var', orderId: 31 }), 30);
      return { status: request.method === 'POST' ? 202 : 200, body: {} };
    });
    const run = (extra: string[]) => runCliInProcess(['run', path.join(sub, 'flow.arazzo.yaml'), '--workflow', 'listenFirst', '--json', '--server', `ordersApi=${http.url}`, '--input', 'requestId=req-var', ...extra]);
    const filled = await run(['--server-variable', `port=${port}`]);
    expect(filled.code, filled.stderr).toBe(0);
    expect((JSON.parse(filled.stdout) as { outputs: unknown }).outputs).toEqual({ orderId: 31 });
    const preview = await run(['--dry-run']);
    expect((JSON.parse(preview.stdout) as { requests: Array<{ message: { server: string } }> }).requests[0]?.message.server).toBe('ws://127.0.0.1:1');
    withVariables(`{ port: { description: no default } }`);
    const missing = await run([]);
    expect(missing.code).toBe(2);
    expect(missing.stdout + missing.stderr).toMatch(/server-variable-missing/);
  });

  it('lint: the joins are valid; a dependsOn on a later step is still an error', async () => {
    const ok = await runCliInProcess(['lint', path.join(dir, 'flow.arazzo.yaml')]);
    expect(ok.code, ok.stderr).toBe(0);
    const broken = path.join(dir, 'broken.arazzo.yaml');
    writeFileSync(broken, readFileSync(path.join(dir, 'flow.arazzo.yaml'), 'utf8').replace('dependsOn: [ confirmation ]', 'dependsOn: [ getOrder ]').replace(/(  - stepId: getOrder\n(?:    .*\n)+)(  - stepId: pay\n(?:    .*\n)+)/, '$2$1'));
    const bad = await runCliInProcess(['lint', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/step-depends-on-order/);
  });
});


describe('Arazzo 1.1.0 §Step Dependencies: a non-blocking step\'s retry, as advance decides it', () => {
  it('a failed receive taken in at its join with a retry action starts again non-blocking after its retryAfter (the driver waits, the frame goes on)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'arazzo-joins-retry-'));
    try {
      writeFileSync(path.join(dir, 'orders-events.yaml'), EVENTS);
      writeFileSync(path.join(dir, 'orders-api.yaml'), API);
      writeFileSync(path.join(dir, 'flow.arazzo.yaml'), FLOW.replace(`${receive('confirmation', 'confirmOrder')}
  - stepId: placeOrder`, `${receive('confirmation', 'confirmOrder')}
    onFailure: [ { name: again, type: retry, retryAfter: 0.25, retryLimit: 1 } ]
  - stepId: placeOrder`));
      const { plan, diagnostics } = await loadPlan(path.join(dir, 'flow.arazzo.yaml'));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const channel = { source: 'orderEvents', address: '/orders/confirmed', action: 'receive' as const, protocol: 'ws', serverUrl: 'ws://127.0.0.1:1' };
      // advance never calls the broker (the driver does): the port only has to be there.
      const options = { clock: systemClock, broker: {} as BrokerPort, asyncChannels: new Map([[asyncChannelKey(plan.rootKey, 'listenFirst', 'confirmation'), channel]]) };
      const env = createRunEnv(options);
      const first = advance(plan, startRun(plan, 'listenFirst', { requestId: 'r-1' }, options), env);
      expect(first.effect).toMatchObject({ kind: 'message', detach: 'm1' });
      expect(first.effect).not.toHaveProperty('startAfterMs');
      const placing = advance(plan, first.state, env);
      expect(placing.effect.kind).toBe('send');
      // The order is placed; getOrder reads the confirmation's outputs, so it joins it first.
      const joining = advance(plan, placing.state, env, { kind: 'response', sent: placing.effect as SendEffect, outcome: { kind: 'response', response: { status: 202, headers: {}, body: undefined, durationMs: 1 } } });
      expect(joining.effect).toEqual({ kind: 'join', keys: ['m1'] });
      const retried = advance(plan, joining.state, env, { kind: 'message', effect: first.effect as MessageEffect, outcome: { kind: 'timeout' } });
      expect(retried.effect).toMatchObject({ kind: 'message', detach: 'm2', startAfterMs: 250 });
      expect(retried.state.frames[0]?.detached?.map((d) => [d.key, d.exec.attempt])).toEqual([['m2', 2]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
