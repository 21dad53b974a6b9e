// compilePlan on in-memory documents: ids, targets and parameter locations are checked before a
// run, each diagnostic with a code and the JSON pointer of the offending value.
import { describe, expect, it } from 'vitest';
import { arazzo, codesAt, compileDocument, stepOf, workflowOf } from './compile-in-memory.js';

const getItem = (stepId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  stepId,
  operationId: 'getItem',
  parameters: [{ name: 'id', in: 'path', value: '42' }],
  ...extra,
});

describe('spec Step Object stepId: unique within the workflow', () => {
  it('a repeated stepId is step-id-duplicate at the second one', () => {
    const result = compileDocument(arazzo([{ workflowId: 'w', steps: [getItem('read'), getItem('read')] }]));

    expect(codesAt(result.diagnostics)).toEqual([['step-id-duplicate', '/workflows/0/steps/1/stepId']]);
  });

  it('the same stepId in two workflows is fine', () => {
    const result = compileDocument(arazzo([
      { workflowId: 'a', steps: [getItem('read')] },
      { workflowId: 'b', steps: [getItem('read')] },
    ]));

    expect(result.diagnostics).toEqual([]);
    expect(workflowOf(result, 'b').steps.map((s) => s.stepId)).toEqual(['read']);
  });

  it('a repeated workflowId is workflow-id-duplicate', () => {
    const result = compileDocument(arazzo([{ workflowId: 'a', steps: [getItem('x')] }, { workflowId: 'a', steps: [getItem('y')] }]));

    expect(codesAt(result.diagnostics)).toEqual([['workflow-id-duplicate', '/workflows/1/workflowId']]);
  });
});

describe('spec Success/Failure Action Object stepId: the target must be a step of the workflow', () => {
  it('an unknown goto target in onSuccess and onFailure is action-target-not-found at its stepId', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      steps: [getItem('read', {
        onSuccess: [{ name: 'again', type: 'goto', stepId: 'raed' }],
        onFailure: [{ name: 'back', type: 'goto', stepId: 'nowhere' }],
      })],
    }]));

    expect(codesAt(result.diagnostics)).toEqual([
      ['action-target-not-found', '/workflows/0/steps/0/onSuccess/0/stepId'],
      ['action-target-not-found', '/workflows/0/steps/0/onFailure/0/stepId'],
    ]);
    expect(result.diagnostics[0]!.hint).toContain('read');
  });

  it('an unknown target in workflow-level successActions is reported where it is written', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      successActions: [{ name: 'loop', type: 'goto', stepId: 'missing' }],
      steps: [getItem('read')],
    }]));

    expect(codesAt(result.diagnostics)).toEqual([['action-target-not-found', '/workflows/0/successActions/0/stepId']]);
  });

  it('a known target compiles to the step index', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      steps: [getItem('first', { onSuccess: [{ name: 'skip', type: 'goto', stepId: 'third' }] }), getItem('second'), getItem('third')],
    }]));

    expect(result.diagnostics).toEqual([]);
    expect(stepOf(result, 'w', 'first').onSuccess[0]!.target).toEqual({ kind: 'step', stepId: 'third', index: 2 });
  });

  it('a goto to an unknown workflowId is reported at its workflowId', () => {
    const result = compileDocument(arazzo([{ workflowId: 'w', steps: [getItem('read', { onSuccess: [{ name: 'hand', type: 'goto', workflowId: 'nope' }] })] }]));

    expect(result.diagnostics.map((d) => d.pointer)).toEqual(['/workflows/0/steps/0/onSuccess/0/workflowId']);
    expect(result.diagnostics[0]!.severity).toBe('error');
  });
});

describe('spec Parameter Object `in`: required when the step targets an operation', () => {
  it('a parameter without `in` on an operation step is parameter-in-missing', () => {
    const result = compileDocument(arazzo([{ workflowId: 'w', steps: [{ stepId: 'read', operationId: 'getItem', parameters: [{ name: 'id', value: '42' }] }] }]));

    expect(codesAt(result.diagnostics)).toEqual([['parameter-in-missing', '/workflows/0/steps/0/parameters/0']]);
  });

  it('on a workflowId step a parameter maps to the child input and needs no `in`', () => {
    const result = compileDocument(arazzo([
      { workflowId: 'child', inputs: { type: 'object', properties: { id: { type: 'string' } } }, steps: [getItem('read')] },
      { workflowId: 'parent', steps: [{ stepId: 'call', workflowId: 'child', parameters: [{ name: 'id', value: '7' }] }] },
    ]));

    expect(result.diagnostics).toEqual([]);
    const call = stepOf(result, 'parent', 'call');
    expect(call.target).toEqual({ kind: 'workflow', workflow: { documentKey: '/virtual/flow.arazzo.yaml', workflowId: 'child' } });
    expect(call.parameters[0]).not.toHaveProperty('in');
  });

  it('an `in` outside path/query/header/cookie is parameter-in-invalid at the `in`', () => {
    const result = compileDocument(arazzo([{ workflowId: 'w', steps: [{ stepId: 'read', operationId: 'getItem', parameters: [{ name: 'id', in: 'paht', value: '1' }] }] }]));

    expect(codesAt(result.diagnostics)).toEqual([['parameter-in-invalid', '/workflows/0/steps/0/parameters/0/in']]);
  });
});

describe('spec Step Object operationId: must name an operation of a source', () => {
  it('an unknown operationId is operation-not-found with a suggestion', () => {
    const result = compileDocument(arazzo([{ workflowId: 'w', steps: [{ stepId: 'read', operationId: 'getItems' }] }]));

    expect(codesAt(result.diagnostics)).toEqual([['operation-not-found', '/workflows/0/steps/0/operationId']]);
    expect(result.diagnostics[0]!.hint).toContain('getItem');
    expect(result.plan.documents.get('/virtual/flow.arazzo.yaml')?.workflows.has('w')).toBe(false);
  });

  it('a known operationId resolves method, path and servers', () => {
    const result = compileDocument(arazzo([{ workflowId: 'w', steps: [getItem('read')] }]));
    const target = stepOf(result, 'w', 'read').target;

    expect(target.kind === 'operation' && [target.operation.method, target.operation.path, target.operation.servers[0]?.url])
      .toEqual(['GET', '/items/{id}', 'https://items.example.invalid/v1']);
  });
});
