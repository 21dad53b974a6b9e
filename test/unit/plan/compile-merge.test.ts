// compilePlan on in-memory documents: workflow-level actions and parameters merged into each step,
// reusable objects resolved ($components.*), retry defaults.
import { describe, expect, it } from 'vitest';
import { arazzo, codesAt, compileDocument, literal, stepOf } from './compile-in-memory.js';

const read = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  stepId: 'read',
  operationId: 'getItem',
  parameters: [{ name: 'id', in: 'path', value: '42' }],
  ...extra,
});

describe('spec Workflow Object successActions/failureActions: merged into every step by name', () => {
  const result = compileDocument(arazzo([{
    workflowId: 'w',
    successActions: [
      { name: 'done', type: 'goto', stepId: 'second' },
      { name: 'shared', type: 'end' },
    ],
    failureActions: [{ name: 'retryAll', type: 'retry', retryAfter: 1.5 }],
    steps: [
      read({ onSuccess: [{ name: 'done', type: 'end' }], onFailure: [{ name: 'stop', type: 'end' }] }),
      { ...read(), stepId: 'second' },
    ],
  }]));

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it("a step action overrides the workflow's action of the same name; the step's come first", () => {
    const step = stepOf(result, 'w', 'read');
    expect(step.onSuccess.map((a) => [a.name, a.type])).toEqual([['done', 'end'], ['shared', 'end']]);
    expect(step.onFailure.map((a) => a.name)).toEqual(['stop', 'retryAll']);
  });

  it('a step with no actions gets every workflow action', () => {
    const step = stepOf(result, 'w', 'second');
    expect(step.onSuccess.map((a) => [a.name, a.type])).toEqual([['done', 'goto'], ['shared', 'end']]);
    expect(step.onSuccess[0]!.target).toEqual({ kind: 'step', stepId: 'second', index: 1 });
  });

  it('retry: retryAfter seconds become ms; no retryLimit means one retry (spec default)', () => {
    const retry = stepOf(result, 'w', 'second').onFailure[0]!;
    expect(retry).toMatchObject({ name: 'retryAll', type: 'retry', retryAfterMs: 1500, retryLimit: 1 });
  });

  it('two actions with the same name in one list is action-duplicate', () => {
    const duplicate = compileDocument(arazzo([{ workflowId: 'w', steps: [read({ onSuccess: [{ name: 'a', type: 'end' }, { name: 'a', type: 'end' }] })] }]));
    expect(codesAt(duplicate.diagnostics)).toEqual([['action-duplicate', '/workflows/0/steps/0/onSuccess/1']]);
  });

  it('retry is not a success action; a negative retryLimit is refused', () => {
    const bad = compileDocument(arazzo([{
      workflowId: 'w',
      steps: [read({ onSuccess: [{ name: 'r', type: 'retry' }], onFailure: [{ name: 'f', type: 'retry', retryLimit: -1 }] })],
    }]));
    expect(codesAt(bad.diagnostics)).toEqual([
      ['action-type-invalid', '/workflows/0/steps/0/onSuccess/0/type'],
      ['action-retry-limit-invalid', '/workflows/0/steps/0/onFailure/0/retryLimit'],
    ]);
  });
});

describe('spec Workflow Object parameters: inherited by every operation step, overridden by (name, in)', () => {
  it('a step parameter with the same header name (any case) wins; others are kept', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      parameters: [{ name: 'X-Trace', in: 'header', value: 'from-workflow' }, { name: 'lang', in: 'query', value: 'en' }],
      steps: [read({ parameters: [{ name: 'id', in: 'path', value: '42' }, { name: 'x-trace', in: 'header', value: 'from-step' }] })],
    }]));

    expect(result.diagnostics).toEqual([]);
    const parameters = stepOf(result, 'w', 'read').parameters.map((p) => [p.name, p.in, literal(p.value)]);
    expect(parameters).toEqual([['lang', 'query', 'en'], ['id', 'path', '42'], ['x-trace', 'header', 'from-step']]);
  });
});

describe('spec Reusable Object: $components.parameters with a value override', () => {
  const components = { parameters: { trace: { name: 'X-Trace', in: 'header', value: 'component-default' } } };

  it('the reference takes the component; `value` replaces only its value', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      steps: [read({ parameters: [{ name: 'id', in: 'path', value: '1' }, { reference: '$components.parameters.trace', value: 'override' }] })],
    }], components));

    expect(result.diagnostics).toEqual([]);
    const trace = stepOf(result, 'w', 'read').parameters[1]!;
    expect([trace.name, trace.in, literal(trace.value)]).toEqual(['X-Trace', 'header', 'override']);
    expect(trace.pointer).toBe('/components/parameters/trace');
  });

  it('without `value` the component value is used', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      steps: [read({ parameters: [{ name: 'id', in: 'path', value: '1' }, { reference: '$components.parameters.trace' }] })],
    }], components));

    expect(literal(stepOf(result, 'w', 'read').parameters[1]!.value)).toBe('component-default');
  });

  it('an unknown component and a reference into the wrong section are reported at `reference`', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      steps: [read({
        parameters: [{ name: 'id', in: 'path', value: '1' }, { reference: '$components.parameters.trcae' }],
        onSuccess: [{ reference: '$components.parameters.trace' }],
      })],
    }], components));

    expect(codesAt(result.diagnostics)).toEqual([
      ['reusable-not-found', '/workflows/0/steps/0/parameters/1/reference'],
      ['reusable-wrong-slot', '/workflows/0/steps/0/onSuccess/0/reference'],
    ]);
    expect(result.diagnostics[0]!.hint).toContain('trace');
  });

  it('$components.successActions can be referenced from onSuccess', () => {
    const result = compileDocument(arazzo([{
      workflowId: 'w',
      steps: [read({ onSuccess: [{ reference: '$components.successActions.finish' }] })],
    }], { successActions: { finish: { name: 'finish', type: 'end' } } }));

    expect(result.diagnostics).toEqual([]);
    expect(stepOf(result, 'w', 'read').onSuccess.map((a) => [a.name, a.type, a.pointer])).toEqual([['finish', 'end', '/components/successActions/finish']]);
  });
});
