/**
 * Issue 7 (per-step overhead): a step that loops reuses the request it built last time while the
 * values that go into it stay the same. Whatever changes must still reach the wire, every time.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../../conformance/support/api-server.js';
import { arazzo, runDocument } from '../../conformance/support/run-document.js';

describe('Issue 7 › a polling step sends what its values say on every iteration', () => {
  it('a query parameter and a header that change each iteration are sent fresh each time', async () => {
    const api = await startApi({ 'GET /pets': (_e, hit) => json({ next: hit + 1, done: hit >= 4 }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: page
        operationId: findPets
        parameters:
          - { name: page, in: query, value: $steps.page.outputs.next }
          - { name: X-Trace, in: header, value: 'trace-{$steps.page.outputs.next}' }
        outputs: { next: $response.body#/next, done: $response.body#/done }
        onSuccess:
          - { name: more, type: goto, stepId: page, criteria: [{ condition: $response.body#/done == false }] }
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.target)).toEqual(['/pets', '/pets?page=2', '/pets?page=3', '/pets?page=4']);
    expect(api.requests.map((r) => r.headers['x-trace'])).toEqual(['trace-', 'trace-2', 'trace-3', 'trace-4']);
  });

  it('a request body whose value changes is sent fresh; an unchanged one is sent again in full', async () => {
    const api = await startApi({ 'POST /any': (_e, hit) => json({ n: hit < 3 ? hit : 3 }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: post
        operationId: postAnything
        requestBody:
          contentType: application/json
          payload: '{"n": "{$steps.post.outputs.n}"}'
        outputs: { n: $response.body#/n }
        onSuccess:
          - { name: again, type: goto, stepId: post, criteria: [{ condition: $response.body#/n != 3 }] }
      - stepId: repeat
        operationId: postAnything
        requestBody: { contentType: application/json, payload: { fixed: true } }
        outputs: { n: $response.body#/n }
        onSuccess:
          - { name: again, type: goto, stepId: repeat, criteria: [{ condition: $steps.repeat.outputs.n == 3 }] }
`), { api, options: { maxSteps: 6 } });
    expect(result.error?.code).toBe('max-steps-exceeded');
    const bodies = api.requests.map((r) => r.body);
    expect(bodies.slice(0, 3)).toEqual(['{"n": ""}', '{"n": "1"}', '{"n": "2"}']);
    expect(bodies.slice(3)).toEqual(['{"fixed":true}', '{"fixed":true}', '{"fixed":true}']);
  });
});
