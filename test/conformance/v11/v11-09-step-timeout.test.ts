/**
 * Arazzo 1.1.0 §Step Object `timeout`: "The maximum number of milli-seconds to wait for the step to
 * complete before aborting and failing the step. Consequently this will fail the workflow unless
 * onFailure actions are defined." For an HTTP step: its request is cut at the timeout. For a
 * workflowId step: the workflow it runs (and any it runs in turn) ends at the timeout.
 */
import { describe, expect, it } from 'vitest';
import { json, startApi } from '../support/api-server.js';
import { runDocument } from '../support/run-document.js';

const flow = (onFailure = '', timeoutMs = 150): string => `arazzo: 1.1.0
info: { title: timeout, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: slow
        operationId: findPets
        timeout: ${timeoutMs}
${onFailure}      - stepId: after
        operationId: createPet
`;

describe('Arazzo 1.1.0 §Step Object timeout on an HTTP step', () => {
  it('a response later than the timeout fails the step, and so the workflow, naming the timeout; nothing after it is sent', async () => {
    const api = await startApi({ 'GET /pets': { ...json([]), delayMs: 2_000 }, 'POST /pets': json({}, 201) });
    const { result } = await runDocument(flow(), { api });
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ stepId: 'slow', code: 'request-failed' });
    expect(result.error?.message).toMatch(/150 ms/);
    expect(api.calls('POST /pets')).toHaveLength(0);
  });

  it('with onFailure actions, they apply: a goto past the timed-out step', async () => {
    const api = await startApi({ 'GET /pets': { ...json([]), delayMs: 2_000 }, 'POST /pets': json({}, 201) });
    const { result } = await runDocument(flow('        onFailure: [ { name: skip, type: goto, stepId: after } ]\n'), { api });
    expect(result.status).toBe('succeeded');
    expect(api.calls('POST /pets')).toHaveLength(1);
  });

  it('a response within the timeout is a normal step', async () => {
    const api = await startApi({ 'GET /pets': { ...json([]), delayMs: 20 }, 'POST /pets': json({}, 201) });
    expect((await runDocument(flow('', 5_000), { api })).result.status).toBe('succeeded');
  });
});

const withChild = (onFailure = ''): string => `arazzo: 1.1.0
info: { title: timeout, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.openapi.yaml, type: openapi }
workflows:
  - workflowId: parent
    steps:
      - stepId: callChild
        workflowId: child
        timeout: 150
${onFailure}      - stepId: after
        operationId: createPet
  - workflowId: child
    steps:
      - { stepId: fast, operationId: createPet }
      - { stepId: slow, operationId: findPets }
      - { stepId: never, operationId: createPet }
`;

describe('Arazzo 1.1.0 §Step Object timeout on a workflowId step', () => {
  it('the child workflow is ended at the timeout: the step fails naming it, the child\'s later steps are not run, nor the parent\'s', async () => {
    const api = await startApi({ 'GET /pets': { ...json([]), delayMs: 2_000 }, 'POST /pets': json({}, 201) });
    const { result } = await runDocument(withChild(), { api, workflowId: 'parent' });
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ stepId: 'callChild', workflowId: 'parent' });
    expect(result.error?.message).toMatch(/workflow child did not finish within the step's timeout of 150 ms/);
    // One POST: the child's first step; neither its third step nor the parent's next one.
    expect(api.calls('POST /pets')).toHaveLength(1);
    expect(result.steps.find((s) => s.stepId === 'never')?.status).toBe('skipped');
  });

  it('its onFailure actions apply', async () => {
    const api = await startApi({ 'GET /pets': { ...json([]), delayMs: 2_000 }, 'POST /pets': json({}, 201) });
    const { result } = await runDocument(withChild('        onFailure: [ { name: onward, type: goto, stepId: after } ]\n'), { api, workflowId: 'parent' });
    expect(result.status).toBe('succeeded');
    expect(api.calls('POST /pets')).toHaveLength(2);
  });
});
