// Issue 4 "arazzo run refuses a document with lint errors, exit 2, before any request": a problem
// only a lint rule finds (not the compiler) still stops `run` — in-process CLI, real loopback server.
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { routeRequests, startLoopbackServer } from '../../support/loopback-server.js';
import { document, writeDocument } from './lint-document.js';

const flow = (value: string): string => document(`
  - workflowId: w
    steps:
      - stepId: list
        operationId: listPets
        outputs:
          count: $response.body#/count
      - stepId: again
        operationId: listPets
        parameters:
          - name: limit
            in: query
            value: ${value}
`);

async function run(file: string, server: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, env: { NO_COLOR: '1' }, cwd: process.cwd() };
  const code = await main(['run', file, '--server', `api=${server}`], io);
  return { code, stderr };
}

describe('issue 4: run refuses lint errors before any request', () => {
  it('step-output-undeclared (a lint rule) → exit 2 and the server receives nothing', async () => {
    const server = await startLoopbackServer(routeRequests({ 'GET /api/pets': { body: { count: 1 } } }));
    const result = await run(writeDocument(flow('$steps.list.outputs.total')), server.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('step-output-undeclared');
    expect(server.requests).toHaveLength(0);
  });

  it('the corrected document runs: both requests are sent', async () => {
    const server = await startLoopbackServer(routeRequests({ 'GET /api/pets': { body: { count: 1 } } }));
    const result = await run(writeDocument(flow('$steps.list.outputs.count')), server.url);
    expect(result.code).toBe(0);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/pets', '/api/pets?limit=1']);
  });
});
