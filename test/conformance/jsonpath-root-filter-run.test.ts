// Issue 10 item 11 (spec: Criterion Object, RFC 9535 §2.3.5 filter selectors): `$[?@.x == 'y']`
// over an object root selects its children, so it is empty. Lint warns; the failed run carries
// the same hint in its step reason and error message.
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { runDocument } from './support/run-document.js';

const flow = (condition: string): string => `arazzo: 1.0.1
info: { title: root filter, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: check
        operationId: findPets
        successCriteria:
          - { context: $response.body, type: jsonpath, condition: "${condition}" }
`;

describe('issue 10 item 11: a JSONPath root filter over an object', () => {
  it('fails the step with the hint lint gives', async () => {
    const api = await startApi({ 'GET /pets': json({ status: 'ok' }) });
    const { result, loaded } = await runDocument(flow("$[?@.status == 'ok']"), { api });
    const warning = loaded.warnings.find((w) => w.code === 'criterion-jsonpath-root-filter');
    expect(warning?.hint).toBeDefined();
    expect(result.status).toBe('failed');
    const reason = result.steps.find((s) => s.stepId === 'check')?.reason ?? '';
    expect(reason).toContain(warning!.message);
    expect(reason).toContain(warning!.hint!);
    expect(result.error?.message).toContain(warning!.hint!);
  });

  it('an empty root filter over an array fails without that hint (it selected the elements correctly)', async () => {
    const api = await startApi({ 'GET /pets': json([{ status: 'sold' }]) });
    const { result } = await runDocument(flow("$[?@.status == 'ok']"), { api });
    expect(result.status).toBe('failed');
    const reason = result.steps.find((s) => s.stepId === 'check')?.reason ?? '';
    expect(reason).toContain('selected nothing');
    expect(reason).not.toContain('children of the context value');
  });
});
