/** Control-flow invariants the spec leaves to the tool; checklist section 11. */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, codes, loadDocument, runDocument, stepOf } from './support/run-document.js';

describe('11.1 after the last step the workflow completes successfully and its outputs are evaluated', () => {
  it('3-step happy path', async () => {
    const api = await startApi({ 'GET /echo': (_e, hit) => json({ n: hit }) });
    const steps = [1, 2, 3].map((n) => `      - stepId: s${n}\n        operationId: echo\n        outputs: { n: $response.body#/n }`).join('\n');
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
${steps}
    outputs: { last: $steps.s3.outputs.n, first: $steps.s1.outputs.n }
`), { api });
    expect(result).toMatchObject({ status: 'succeeded', endedBy: null, outputs: { last: 3, first: 1 } });
    expect(result.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });
});

describe('11.2 step budget: goto/retry loops are capped, and the limit that tripped is reported', () => {
  it('goto self without an exit stops at maxSteps with max-steps-exceeded', async () => {
    const api = await startApi({ 'GET /jobs/{jobId}': json({ state: 'running' }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: poll
        operationId: getJob
        parameters: [{ name: jobId, in: path, value: j }]
        onSuccess: [{ name: again, type: goto, stepId: poll }]
        outputs: { state: $response.body#/state }
    outputs: { state: $steps.poll.outputs.state }
`), { api, options: { maxSteps: 5 } });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('max-steps-exceeded');
    expect(api.requests).toHaveLength(5);
    expect(result.outputs).toEqual({ state: 'running' });
  });

  it('the whole-run timeout reports timeout', async () => {
    const api = await startApi({ 'GET /jobs/{jobId}': json({ state: 'running' }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: poll
        operationId: getJob
        parameters: [{ name: jobId, in: path, value: j }]
        onSuccess: [{ name: again, type: goto, stepId: poll }]
`), { api, options: { timeoutMs: 1_000, pollIntervalMs: 400 } });
    expect(result.error?.code).toBe('timeout');
  });
});

describe('11.3 sub-workflow recursion and goto-workflow cycles are guarded', () => {
  it('a workflow that calls itself fails with workflow-recursion, not a stack overflow', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: self
    steps:
      - stepId: first
        operationId: echo
      - stepId: again
        workflowId: self
`), { api, allowErrors: ['workflow-cycle'] });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('workflow-recursion');
    expect(result.error?.stepId).toBe('again');
    expect(api.requests).toHaveLength(1);
  });

  it('issue 11: goto a workflow is a transfer, so A goto B goto A runs until its criteria end it', async () => {
    const api = await startApi({ 'GET /echo': (_e, hit) => json({ n: hit }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: a
    steps:
      - stepId: s
        operationId: echo
        onSuccess: [{ name: toB, type: goto, workflowId: b, criteria: [{ condition: $response.body#/n < 5 }] }]
        outputs: { n: $response.body#/n }
    outputs: { n: $steps.s.outputs.n }
  - workflowId: b
    steps:
      - stepId: s
        operationId: echo
        onSuccess: [{ name: toA, type: goto, workflowId: a }]
`), { api, workflowId: 'a', options: { maxSteps: 50 } });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('succeeded');
    expect(api.requests).toHaveLength(5);
    expect(result.outputs).toEqual({ n: 5 });
    expect(result.transferredTo).toBe('a');
    expect(result.endedBy).toEqual({ stepId: 's', action: 'toB' });
  });

  it('A goto B goto A without an exit stops at --max-steps, never hangs', async () => {
    const api = await startApi({ 'GET /echo': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: a
    steps:
      - stepId: s
        operationId: echo
        onSuccess: [{ name: toB, type: goto, workflowId: b }]
  - workflowId: b
    steps:
      - stepId: s
        operationId: echo
        onSuccess: [{ name: toA, type: goto, workflowId: a }]
`), { api, workflowId: 'a', options: { maxSteps: 50 } });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('max-steps-exceeded');
    expect(api.requests).toHaveLength(50);
  });
});

describe('11.4 outputs that read a step that never ran (decision): null plus a warning, the run does not fail', () => {
  it('end before stepB; the workflow output reading stepB is null with output-step-not-run', async () => {
    const api = await startApi({ 'GET /echo': json({ a: 1 }) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: stepA
        operationId: echo
        onSuccess: [{ name: stop, type: end }]
        outputs: { a: $response.body#/a }
      - stepId: stepB
        operationId: echo
        outputs: { x: $response.body#/x }
    outputs: { a: $steps.stepA.outputs.a, x: $steps.stepB.outputs.x }
`), { api });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ a: 1, x: null });
    expect(codes(result.warnings)).toContain('output-step-not-run');
    expect(result.warnings.find((w) => w.code === 'output-step-not-run')?.message).toContain('stepB');
  });
});

describe('11.5 action criteria see the current step\'s request and response', () => {
  it('onSuccess goto with $statusCode and $response.body fires', async () => {
    const api = await startApi({ 'GET /echo': json({ next: 'c' }, 202), 'GET /flaky': json({}), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        parameters: [{ name: q, in: query, value: hello }]
        onSuccess:
          - name: jump
            type: goto
            stepId: c
            criteria:
              - condition: $statusCode == 202
              - condition: $response.body#/next == 'c'
              - condition: $request.query.q == 'hello'
              - condition: $method == 'GET'
      - stepId: b
        operationId: getFlaky
      - stepId: c
        operationId: findPets
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.path)).toEqual(['/echo', '/pets']);
  });
});

describe('11.7 cancellation stops at the next boundary and still returns a result', () => {
  it('an aborted signal ends the run with aborted, keeping what ran', async () => {
    const controller = new AbortController();
    const api = await startApi({ 'GET /echo': json({ v: 1 }), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        outputs: { v: $response.body#/v }
      - stepId: b
        operationId: findPets
    outputs: { v: $steps.a.outputs.v }
`), { api, options: { signal: controller.signal }, onEvent: (e) => e.type === 'step-end' && controller.abort() });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('aborted');
    expect(result.outputs).toEqual({ v: 1 });
    expect(api.calls('GET /pets')).toHaveLength(0);
  });
});

describe('11.8 polling idioms', () => {
  it('idiom A: successCriteria require the terminal state; onFailure retry with retryAfter/retryLimit', async () => {
    const api = await startApi({ 'GET /jobs/{jobId}': [json({ state: 'queued' }), json({ state: 'running' }), json({ state: 'done' })] });
    const { result, sleeps } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: wait
        operationId: getJob
        parameters: [{ name: jobId, in: path, value: j1 }]
        successCriteria: [{ condition: $statusCode == 200 }, { condition: $response.body#/state == 'done' }]
        onFailure:
          - name: poll
            type: retry
            retryAfter: 1.5
            retryLimit: 10
            criteria: [{ condition: $statusCode == 200 }]
`), { api });
    expect(result.status).toBe('succeeded');
    expect(sleeps).toEqual([1500, 1500]);
    expect(stepOf(result, 'wait').attempts).toBe(3);
  });

  it('idiom A does not poll a real error: a 500 fails at once', async () => {
    const api = await startApi({ 'GET /jobs/{jobId}': json({}, 500) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: wait
        operationId: getJob
        parameters: [{ name: jobId, in: path, value: j1 }]
        successCriteria: [{ condition: $statusCode == 200 }, { condition: $response.body#/state == 'done' }]
        onFailure:
          - { name: poll, type: retry, retryAfter: 1, retryLimit: 10, criteria: [{ condition: $statusCode == 200 }] }
`), { api });
    expect(result.status).toBe('failed');
    expect(api.requests).toHaveLength(1);
  });

  it('idiom B (goto self) waits the poll interval between iterations and is counted against the budget', async () => {
    const api = await startApi({ 'GET /jobs/{jobId}': [json({ state: 'running' }), json({ state: 'done' })] });
    const { result, sleeps } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: poll
        operationId: getJob
        parameters: [{ name: jobId, in: path, value: j }]
        onSuccess: [{ name: again, type: goto, stepId: poll, criteria: [{ condition: $response.body#/state != 'done' }] }]
`), { api, options: { pollIntervalMs: 700 } });
    expect(result.status).toBe('succeeded');
    expect(sleeps).toEqual([700]);
  });
});

describe('11.6 $steps.X.outputs references are implicit dependencies: reading a later step is an error (lint)', () => {
  it('step 1 reads $steps.step3.outputs.id', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: step1, operationId: getPet, parameters: [{ name: petId, in: path, value: $steps.step3.outputs.id }] }
      - { stepId: step2, operationId: echo }
      - { stepId: step3, operationId: echo, outputs: { id: $response.body#/id } }
`));
    expect(codes(loaded.errors)).toContain('step-reference-order');
  });
});

describe('11.8 polling idiom B without criteria: lint warns, the runner never adds hidden sleeps beyond --poll-interval', () => {
  it('goto self without criteria → loop-without-exit warning', async () => {
    const loaded = await loadDocument(arazzo(`
  - workflowId: w
    steps:
      - { stepId: poll, operationId: echo, onSuccess: [{ name: again, type: goto, stepId: poll }] }
`));
    expect(codes(loaded.warnings)).toContain('loop-without-exit');
  });
});
