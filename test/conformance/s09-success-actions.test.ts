/** Spec §Success Action Object; checklist section 9 (criteria, end, goto step, goto workflow). */
import { describe, expect, it } from 'vitest';
import { json, startApi } from './support/api-server.js';
import { arazzo, runDocument, stepOf } from './support/run-document.js';

describe('9.4 Success Action Object criteria: all must pass; none means the action always applies', () => {
  it('an action whose criteria do not all pass is skipped; one without criteria applies', async () => {
    const api = await startApi({ 'GET /echo': json({ state: 'ready' }), 'GET /flaky': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: first
        operationId: echo
        onSuccess:
          - name: notAll
            type: goto
            stepId: third
            criteria: [{ condition: $statusCode == 200 }, { condition: $response.body#/state == 'other' }]
          - { name: always, type: end }
      - stepId: second
        operationId: getFlaky
      - stepId: third
        operationId: getFlaky
`), { api });
    expect(result.endedBy).toEqual({ stepId: 'first', action: 'always' });
    expect(api.calls('GET /flaky')).toHaveLength(0);
  });
});

describe('9.5 Success Action Object type end: the workflow ends successfully, outputs evaluated, remaining steps skipped', () => {
  it('end after step 1 of 3', async () => {
    const api = await startApi({ 'GET /echo': json({ v: 1 }), 'GET /flaky': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: one
        operationId: echo
        onSuccess: [{ name: finish, type: end }]
        outputs: { v: $response.body#/v }
      - stepId: two
        operationId: getFlaky
      - stepId: three
        operationId: getFlaky
    outputs: { v: $steps.one.outputs.v }
`), { api });
    expect(result.status).toBe('succeeded');
    expect(result.endedBy).toEqual({ stepId: 'one', action: 'finish' });
    expect(result.outputs).toEqual({ v: 1 });
    expect(result.error).toBeUndefined();
    expect(stepOf(result, 'two').status).toBe('skipped');
    expect(stepOf(result, 'three').status).toBe('skipped');
    expect(api.calls('GET /flaky')).toHaveLength(0);
  });
});

describe('9.6 Success Action Object goto stepId: one-way transfer; outputs survive every goto', () => {
  it('a poll loop that goes to itself until the state flips, keeping earlier step outputs', async () => {
    const api = await startApi({
      'POST /pets': json({ id: 'job-1' }, 201),
      'GET /jobs/{jobId}': [json({ state: 'running' }), json({ state: 'running' }), json({ state: 'done' })],
    });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: start
        operationId: createPet
        requestBody: { payload: { name: x } }
        outputs: { id: $response.body#/id }
      - stepId: poll
        operationId: getJob
        parameters: [{ name: jobId, in: path, value: $steps.start.outputs.id }]
        onSuccess:
          - name: again
            type: goto
            stepId: poll
            criteria: [{ condition: $response.body#/state != 'done' }]
        outputs: { state: $response.body#/state }
    outputs: { id: $steps.start.outputs.id, state: $steps.poll.outputs.state }
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.calls('GET /jobs/{jobId}').map((r) => r.path)).toEqual(['/jobs/job-1', '/jobs/job-1', '/jobs/job-1']);
    expect(result.outputs).toEqual({ id: 'job-1', state: 'done' });
    expect(stepOf(result, 'poll').executions).toBe(3);
  });

  it('a forward goto skips the steps in between, and continues sequentially from the target', async () => {
    const api = await startApi({ 'GET /echo': json({}), 'GET /flaky': json({}), 'GET /pets': json([]) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: a
        operationId: echo
        onSuccess: [{ name: jump, type: goto, stepId: c }]
      - stepId: b
        operationId: getFlaky
      - stepId: c
        operationId: echo
      - stepId: d
        operationId: findPets
`), { api });
    expect(result.status).toBe('succeeded');
    expect(api.requests.map((r) => r.path)).toEqual(['/echo', '/echo', '/pets']);
    expect(stepOf(result, 'b').status).toBe('skipped');
  });

  it('a backward goto re-runs earlier steps; their outputs are the latest', async () => {
    const api = await startApi({ 'GET /echo': (_e, hit) => json({ n: hit }), 'GET /flaky': json({}) });
    const { result } = await runDocument(arazzo(`
  - workflowId: w
    steps:
      - stepId: count
        operationId: echo
        outputs: { n: $response.body#/n }
      - stepId: check
        operationId: getFlaky
        onSuccess:
          - name: loop
            type: goto
            stepId: count
            criteria: [{ condition: $steps.count.outputs.n < 3 }]
    outputs: { n: $steps.count.outputs.n }
`), { api });
    expect(result.outputs).toEqual({ n: 3 });
    expect(api.calls('GET /flaky')).toHaveLength(3);
  });
});

describe('9.7 Success Action Object goto workflowId (decision): one-way; target runs with no inputs; status is the target\'s', () => {
  const doc = (targetStatus: number): string => arazzo(`
  - workflowId: first
    inputs: { type: object, properties: { name: { type: string } } }
    steps:
      - stepId: a
        operationId: echo
        onSuccess: [{ name: handOver, type: goto, workflowId: second }]
      - stepId: never
        operationId: findPets
  - workflowId: second
    inputs: { type: object, properties: { name: { type: string } } }
    steps:
      - stepId: b
        operationId: getFlaky
        parameters: [{ name: X-Name, in: header, value: $inputs.name }]
        successCriteria: [{ condition: $statusCode == ${targetStatus === 200 ? 200 : 299} }]
        outputs: { status: $statusCode }
    outputs: { status: $steps.b.outputs.status }
`);

  it('the rest of the current workflow never runs; the result is the target\'s, transferredTo set', async () => {
    const api = await startApi({ 'GET /echo': json({}), 'GET /flaky': json({}), 'GET /pets': json([]) });
    const { result } = await runDocument(doc(200), { api, workflowId: 'first', inputs: { name: 'kept?' } });
    expect(api.requests.map((r) => r.path)).toEqual(['/echo', '/flaky']);
    expect(api.calls('GET /flaky')[0]?.headers['x-name']).toBeUndefined();
    expect(result.status).toBe('succeeded');
    expect(result.transferredTo).toBe('second');
    expect(result.endedBy).toEqual({ stepId: 'a', action: 'handOver' });
    expect(result.outputs).toEqual({ status: 200 });
    expect(stepOf(result, 'never').status).toBe('skipped');
  });

  it('a failing target makes the run fail', async () => {
    const api = await startApi({ 'GET /echo': json({}), 'GET /flaky': json({}) });
    const { result } = await runDocument(doc(500), { api, workflowId: 'first' });
    expect(result.status).toBe('failed');
    expect(result.transferredTo).toBe('second');
    expect(result.error?.code).toBe('step-failed');
    expect(result.error?.workflowId).toBe('second');
  });
});
