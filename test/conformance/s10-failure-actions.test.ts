/** Spec §Failure Action Object; checklist section 10 (retry, Retry-After, limits, end on failure). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, runDocument, stepOf, writeWorkspace } from './support/run-document.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const flaky = (onFailure: string, extraSteps = ''): string => arazzo(`
  - workflowId: w
    steps:
      - stepId: call
        operationId: getFlaky
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
${onFailure}
        outputs: { code: $statusCode }
      - stepId: after
        operationId: echo
${extraSteps}    outputs: { code: $steps.call.outputs.code }
`);

describe('10.4 Failure Action Object retry: re-run the step after retryAfter seconds', () => {
  it('waits retryAfter (seconds, decimals allowed) before each new attempt', async () => {
    const api = await startApi({ 'GET /flaky': [json({}, 503), json({}, 503), json({ ok: true })], 'GET /echo': json({}) });
    const { result, sleeps } = await runDocument(flaky(`          - { name: again, type: retry, retryAfter: 0.25, retryLimit: 2 }`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.calls('GET /flaky')).toHaveLength(3);
    expect(sleeps).toEqual([250, 250]);
  });

  it('retryAfter omitted: retries at once (default 0)', async () => {
    const api = await startApi({ 'GET /flaky': [json({}, 503), json({})], 'GET /echo': json({}) });
    const { result, sleeps } = await runDocument(flaky(`          - { name: again, type: retry }`), { api });
    expect(result.status).toBe('succeeded');
    expect(sleeps).toEqual([]);
  });
});

describe('10.5 Failure Action Object retryAfter: an HTTP Retry-After header overrules it', () => {
  it('delta-seconds form: Retry-After: 2 with retryAfter: 10 waits 2 s', async () => {
    const api = await startApi({ 'GET /flaky': [json({}, 429, { 'retry-after': '2' }), json({})], 'GET /echo': json({}) });
    const { result, sleeps } = await runDocument(flaky(`          - { name: again, type: retry, retryAfter: 10 }`), { api });
    expect(result.status).toBe('succeeded');
    expect(sleeps).toEqual([2000]);
  });

  it('HTTP-date form: waits until that date', async () => {
    const api = await startApi({
      'GET /flaky': (_exchange, hit) => (hit === 1 ? json({}, 503, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }) : json({})),
      'GET /echo': json({}),
    });
    const { sleeps } = await runDocument(flaky(`          - { name: again, type: retry, retryAfter: 1 }`), { api });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(50_000);
    expect(sleeps[0]).toBeLessThanOrEqual(60_000);
  });
});

describe('10.6 Failure Action Object retryLimit: omitted means one retry, 0 means none', () => {
  it('omitted retryLimit → exactly 2 attempts, then the run fails', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 503), 'GET /echo': json({}) });
    const { result } = await runDocument(flaky(`          - { name: again, type: retry }`), { api });
    expect(api.calls('GET /flaky')).toHaveLength(2);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('step-failed');
    expect(stepOf(result, 'call').attempts).toBe(2);
    expect(stepOf(result, 'after').status).toBe('skipped');
  });

  it('retryLimit: 0 → one attempt only', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 503), 'GET /echo': json({}) });
    const { result } = await runDocument(flaky(`          - { name: again, type: retry, retryLimit: 0 }`), { api });
    expect(api.calls('GET /flaky')).toHaveLength(1);
    expect(result.status).toBe('failed');
  });

  it('retryLimit: 3 → 4 attempts at most', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 503), 'GET /echo': json({}) });
    await runDocument(flaky(`          - { name: again, type: retry, retryLimit: 3 }`), { api });
    expect(api.calls('GET /flaky')).toHaveLength(4);
  });
});

describe('10.7 Failure Action Object: retryLimit is exhausted before later failure actions run', () => {
  it('[retry(limit 2, 503), end] on repeated 503 → 3 attempts, then end', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 503), 'GET /echo': json({}) });
    const { result } = await runDocument(flaky(`          - name: again
            type: retry
            retryLimit: 2
            criteria: [{ condition: $statusCode == 503 }]
          - { name: stop, type: end }`), { api });
    expect(api.calls('GET /flaky')).toHaveLength(3);
    expect(result.endedBy).toEqual({ stepId: 'call', action: 'stop' });
    expect(result.error?.code).toBe('ended-on-failure');
    expect(api.calls('GET /echo')).toHaveLength(0);
  });

  it('after exhaustion with no other matching action: the run fails (it does not continue with the next step)', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 503), 'GET /echo': json({}) });
    const { result } = await runDocument(flaky(`          - { name: again, type: retry, retryLimit: 1 }
          - name: onlyFor404
            type: end
            criteria: [{ condition: $statusCode == 404 }]`), { api });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('step-failed');
    expect(result.endedBy).toBeNull();
    expect(api.calls('GET /echo')).toHaveLength(0);
  });

  it('a goto after the exhausted retry runs', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 503), 'GET /echo': json({}) });
    const { result } = await runDocument(flaky(`          - { name: again, type: retry, retryLimit: 1 }
          - { name: fallback, type: goto, stepId: after }`), { api });
    expect(api.calls('GET /flaky')).toHaveLength(2);
    expect(api.calls('GET /echo')).toHaveLength(1);
    expect(result.status).toBe('succeeded');
  });
});

describe('10.8 Failure Action Object retry with stepId / workflowId: run it first, then retry', () => {
  it('retry with a stepId runs that step, then the failed step again', async () => {
    let token = 'old';
    const api = await startApi({
      'POST /refresh': () => {
        token = 'new';
        return json({ token });
      },
      'GET /flaky': (exchange) => (exchange.headers.authorization === 'Bearer new' ? json({ ok: true }) : json({}, 401)),
      'GET /echo': json({}),
    });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: call
        operationId: getFlaky
        parameters: [{ name: Authorization, in: header, value: 'Bearer {$steps.refresh.outputs.token}' }]
        successCriteria: [{ condition: $statusCode == 200 }]
        onSuccess: [{ name: done, type: end }]
        onFailure:
          - name: reauth
            type: retry
            stepId: refresh
            criteria: [{ condition: $statusCode == 401 }]
      - stepId: refresh
        operationId: refreshToken
        outputs: { token: $response.body#/token }
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /flaky', 'POST /refresh', 'GET /flaky']);
    expect(api.calls('GET /flaky')[1]?.headers.authorization).toBe('Bearer new');
  });

  it('retry with a workflowId runs that workflow (no inputs), then retries; its outputs are in $workflows', async () => {
    const api = await startApi({
      'POST /refresh': json({ token: 'fresh' }),
      'GET /flaky': (exchange) => (exchange.headers.authorization === 'Bearer fresh' ? json({ ok: true }) : json({}, 401)),
    });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: call
        operationId: getFlaky
        parameters: [{ name: Authorization, in: header, value: 'Bearer {$workflows.refresh-flow.outputs.token}' }]
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
          - { name: reauth, type: retry, workflowId: refresh-flow, retryLimit: 1 }
  - workflowId: refresh-flow
    steps:
      - stepId: refresh
        operationId: refreshToken
        outputs: { token: $response.body#/token }
    outputs: { token: $steps.refresh.outputs.token }
`), { api, workflowId: 'w' });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.path)).toEqual(['/flaky', '/refresh', '/flaky']);
  });

  it('a failing referenced step does not abort the retry chain', async () => {
    const api = await startApi({ 'POST /refresh': json({}, 500), 'GET /flaky': [json({}, 401), json({})] });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: call
        operationId: getFlaky
        successCriteria: [{ condition: $statusCode == 200 }]
        onSuccess: [{ name: done, type: end }]
        onFailure: [{ name: reauth, type: retry, stepId: refresh }]
      - stepId: refresh
        operationId: refreshToken
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.path)).toEqual(['/flaky', '/refresh', '/flaky']);
  });
});

describe('10.10 attempts are reported per step; a later success is a success', () => {
  it('fail, fail, pass → step succeeded with 3 attempts recorded', async () => {
    const api = await startApi({ 'GET /flaky': [json({}, 500), json({}, 500), json({})], 'GET /echo': json({}) });
    const { result } = await runDocument(flaky(`          - { name: again, type: retry, retryLimit: 5 }`), { api });
    const call = stepOf(result, 'call');
    expect(call.status).toBe('succeeded');
    expect(call.attempts).toBe(3);
    expect(call.executions).toBe(1);
    expect(call.lastStatusCode).toBe(200);
    expect(result.status).toBe('succeeded');
  });
});

describe('10.11 end on the failure path (decision): failed, outputs evaluated, endedBy set', () => {
  it('onFailure end → status failed, error ended-on-failure, outputs present', async () => {
    const api = await startApi({ 'GET /flaky': json({ reason: 'gone' }, 410), 'GET /echo': json({}) });
    const { result } = await runDocument(flaky(`          - { name: giveUp, type: end }`), { api });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('ended-on-failure');
    expect(result.endedBy).toEqual({ stepId: 'call', action: 'giveUp' });
    expect(result.outputs).toEqual({ code: 410 });
    expect(stepOf(result, 'after').status).toBe('skipped');
  });
});

describe('10.11 end on the failure path through the CLI: exit code 1, outputs and endedBy in --json', () => {
  it('arazzo run --json', async () => {
    const api = await startApi({ 'GET /flaky': json({}, 410), 'GET /echo': json({}) });
    const dir = writeWorkspace({ 'flow.arazzo.yaml': flaky(`          - { name: giveUp, type: end }`) });
    const run = await runCliInProcess(['run', path.join(dir, 'flow.arazzo.yaml'), '--server', `api=${api.url}`, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'failed', endedBy: { stepId: 'call', action: 'giveUp' }, outputs: { code: 410 }, error: { code: 'ended-on-failure' } });
  });
});
