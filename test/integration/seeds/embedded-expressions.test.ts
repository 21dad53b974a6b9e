// Issue 2 "Bare expressions inside strings" over real HTTP: "Bearer $inputs.apiToken" (seeds) and
// "Bearer {$inputs.apiToken}" (spec) are both substituted; `$5`, `$.items[*]` and a lone `$` stay text;
// an exact expression keeps its type; optional inputs not given are left out of body and headers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../../src/engine/run-workflow.js';
import { createUndiciHttpPort } from '../../../src/http/undici-http-port.js';
import { loadPlan } from '../../../src/cli/load-plan.js';
import { systemClock } from '../../../src/runtime/system-clock.js';
import { routeRequests, startLoopbackServer } from '../../support/loopback-server.js';
import { repoRoot } from '../../support/run-cli.js';

const FILE = path.join(repoRoot, 'test/fixtures/embedded-expressions/workflow.arazzo.yaml');

async function runEmbed(inputs: Record<string, unknown>): Promise<{ body: unknown; headers: Record<string, string>; status: string }> {
  const server = await startLoopbackServer(routeRequests({ 'POST /api/snapshots': { body: { id: 'snap-1', state: 'pending' } } }));
  const loaded = await loadPlan(FILE);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const http = createUndiciHttpPort();
  try {
    const result = await runWorkflow(loaded.plan, 'embed', inputs, { http, clock: systemClock, pollIntervalMs: 0, servers: { snapshotsApi: server.url } });
    expect(server.requests).toHaveLength(1);
    return { body: server.requests[0]!.body, headers: server.requests[0]!.headers, status: result.status };
  } finally {
    await http.close();
  }
}

describe('issue 2 "Bare expressions inside strings" (spec: Runtime Expressions, embedding with {})', () => {
  it('braced and bare expressions are substituted; non-expressions stay literal', async () => {
    const { body, headers, status } = await runEmbed({ apiToken: 'dtn_test_token', name: 'snap', cpu: 2 });

    expect(status).toBe('succeeded');
    expect(headers.authorization).toBe('Bearer dtn_test_token');
    expect(body).toEqual({
      name: 'snap',
      imageName: 'registry.example/snap:1.0',
      cpu: 2,
      price: 'costs $5 a month',
      query: '$.items[*]',
      lone: '$',
      both: 'snap and snap',
    });
  });

  it('optional inputs not given: no cpu key, no X-Note header', async () => {
    const { body, headers } = await runEmbed({ apiToken: 'dtn_test_token', name: 'snap' });

    expect(body).not.toHaveProperty('cpu');
    expect(headers).not.toHaveProperty('x-note');
    expect(JSON.stringify(body)).not.toMatch(/undefined|null/);
  });
});
