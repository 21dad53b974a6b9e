// Issue 2: "a documented programmatic API from the package's main entry (load a document, run a
// workflow with a pluggable HTTP layer, evaluate an expression or criterion)". Imports the BUILT
// entry (package.json "main": dist/index.js), as a user of the package would.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, requireCliBuilt } from '../support/run-cli.js';
import { DEFAULT_API_TOKEN, RUNNING_INSTANCE_ID, startSimulator } from '../support/simulator/index.js';

type Library = typeof import('../../src/index.js');
let library: Library;

beforeAll(async () => {
  requireCliBuilt();
  library = (await import(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href)) as Library;
});

describe('issue 2 library API (package main entry)', () => {
  it('loads a seed, runs it over the undici port against the simulator, and reports outputs', async () => {
    const simulator = await startSimulator();
    const http = library.createUndiciHttpPort();
    try {
      const { plan, diagnostics } = await library.loadPlan(path.join(repoRoot, 'workflows/daytona-io-build-and-activate-snapshot-workflow.yml'));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const events: string[] = [];
      const result = await library.runWorkflow(plan, 'build-and-activate-snapshot', { apiToken: DEFAULT_API_TOKEN, name: 'lib-inactive', imageName: 'ubuntu:22.04' }, {
        http,
        clock: library.systemClock,
        pollIntervalMs: 0,
        servers: { snapshotsApi: simulator.url },
        events: (event) => events.push(event.type),
      });
      expect(result.status).toBe('succeeded');
      expect(result.steps.find((s) => s.stepId === 'activateSnapshot')?.status).toBe('succeeded');
      expect(result.outputs.state).toBe('pending');
      expect(events).toContain('response');
      expect(simulator.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'POST']);
    } finally {
      await http.close();
      await simulator.close();
    }
  });

  it('runs over any HttpPort: the interpreter only sees send()', async () => {
    const simulator = await startSimulator();
    const inner = library.createUndiciHttpPort();
    const seen: string[] = [];
    // A pluggable layer around the real port (as a proxy, a recorder or a rate limiter would be).
    const recording: import('../../src/index.js').HttpPort = {
      send: async (request, options) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return inner.send(request, options);
      },
    };
    try {
      const { plan } = await library.loadPlan(path.join(repoRoot, 'workflows/oracle-create-custom-image-from-instance-workflow.yml'));
      const result = await library.runWorkflow(plan, 'create-custom-image-from-instance', { compartmentId: 'ocid1.compartment.oc1..x', instanceId: RUNNING_INSTANCE_ID, displayName: 'lib' }, {
        http: recording,
        clock: library.systemClock,
        pollIntervalMs: 0,
        servers: { ociComputeApi: simulator.url },
      });
      expect(seen).toEqual([`GET /20160918/instances/${RUNNING_INSTANCE_ID}`]);
      expect(simulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(seen);
      expect(result.status).toBe('succeeded');
      expect(result.endedBy).toEqual({ stepId: 'readInstance', action: 'notStopped' });
    } finally {
      await inner.close();
      await simulator.close();
    }
  });

  it('parses and evaluates an expression and a criterion on plain values', () => {
    const parsed = library.parseExpression('$response.body#/items/0/state');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const scope = { inputs: {}, steps: {}, workflows: {}, sourceDescriptions: {}, response: { statusCode: 200, headers: {}, body: { items: [{ state: 'ACTIVE' }] } } };
    expect(library.evaluateExpression(parsed.expression, scope)).toEqual({ found: true, value: 'ACTIVE' });
    const { compiled } = library.compileCriterion({ condition: "$statusCode == 200 && $response.body#/items/0/state == 'active'" });
    expect(compiled && library.evaluateCriterion(compiled, scope).passed).toBe(true);
    const { compiled: failing } = library.compileCriterion({ condition: '$statusCode == 201' });
    expect(failing && library.evaluateCriterion(failing, scope).passed).toBe(false);
  });
});
