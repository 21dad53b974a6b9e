/**
 * Issue 6 › "JSON pointers and outputs named __proto__, constructor, prototype never touch object
 * prototypes", through the whole run path: YAML document → plan → inputs → request body and
 * replacements → real HTTP → response JSON → pointers, criteria, step and workflow outputs → result.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../integration/http/start-loopback-server.js';
import { runFixture } from './support/run-fixture.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/hostile/proto/proto.arazzo.yaml', import.meta.url));

/** Echoes the request body: whatever prototype-shaped keys we send come back as JSON. */
function startEchoServer() {
  return startLoopbackServer((_req, res, body) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body.length > 0 ? body : '{}');
  });
}

function expectPrototypesUntouched(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype).not.toHaveProperty('replaced');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(typeof Object.prototype.constructor).toBe('function');
}

afterEach(expectPrototypesUntouched);

describe('Issue 6 › __proto__, constructor and prototype are plain names on the run path', () => {
  it('library run: the request carries them as data, the response pointers read own properties only', async () => {
    const server = await startEchoServer();
    const input = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const { result } = await runFixture(FIXTURE, 'protoNames', { server: server.url, inputs: { ...input, constructor: 'ctor' } });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');

    const sent = JSON.parse(server.seen[0]!.body.toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual(['__proto__', 'constructor', 'fromInput']);
    expect(sent['__proto__']).toEqual({ polluted: 'replaced' });
    expect(sent['fromInput']).toEqual({ polluted: true });

    const outputs = result.outputs;
    expect(Object.getPrototypeOf(outputs)).toBe(Object.prototype);
    expect(Object.keys(outputs)).toEqual(['__proto__', 'constructor', 'prototype', 'inherited', 'input', 'inputConstructor']);
    expect(Object.getOwnPropertyDescriptor(outputs, '__proto__')?.value).toEqual({ polluted: 'replaced' });
    expect(outputs['constructor']).toEqual({ prototype: { polluted: true } });
    expect(outputs['prototype']).toEqual({ polluted: true });
    expect(outputs['inherited']).toBeNull();
    expect(outputs['inputConstructor']).toBe('ctor');
    expect(Object.getOwnPropertyDescriptor(outputs, 'input')?.value).toEqual({ polluted: true });

    const steps = Object.fromEntries(result.steps.map((s) => [s.stepId, s]));
    expect(Object.keys(steps)).toEqual(['__proto__', 'constructor']);
    const second = result.steps.find((s) => s.stepId === 'constructor');
    expect(second?.outputs).toEqual({});
    expect(result.warnings.map((w) => w.code)).toEqual(['output-unresolved']);
  });

  it('CLI run --json: the same names survive into the printed result', async () => {
    const server = await startEchoServer();
    const { code, stdout } = await runCliInProcess([
      'run', FIXTURE, '--server', `api=${server.url}`, '--input', '__proto__={"polluted":true}', '--input', 'constructor=ctor', '--json',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('"__proto__": {');
    const json = JSON.parse(stdout) as { outputs: Record<string, unknown> };
    expect(Object.getOwnPropertyDescriptor(json.outputs, '__proto__')?.value).toEqual({ polluted: 'replaced' });
    expect(json.outputs['inputConstructor']).toBe('ctor');
  });
});
