// The interpreter's pure decision (spec: Step Object onSuccess/onFailure, Success Action Object,
// Failure Action Object) with plain StepPlan values: no server, no port.
import { describe, expect, it } from 'vitest';
import { compileCriterion } from '../../../src/criteria/compile-criterion.js';
import type { ExpressionScope } from '../../../src/expressions/scope.js';
import { nextTransition, type TransitionInput } from '../../../src/engine/next-transition.js';
import type { ActionPlan, ActionTarget, CriterionPlan, StepPlan } from '../../../src/plan/plan.js';

function criterion(condition: string): CriterionPlan {
  const compiled = compileCriterion({ condition }).compiled;
  if (!compiled) throw new Error(`test condition does not compile: ${condition}`);
  return { pointer: '/c', criterion: compiled };
}

interface ActionSpec {
  when?: string[];
  target?: ActionTarget;
  retryAfterMs?: number;
  retryLimit?: number;
}

function action(name: string, type: ActionPlan['type'], spec: ActionSpec = {}): ActionPlan {
  return {
    pointer: `/actions/${name}`,
    name,
    type,
    ...(spec.target ? { target: spec.target } : {}),
    retryAfterMs: spec.retryAfterMs ?? 0,
    retryLimit: spec.retryLimit ?? (type === 'retry' ? 1 : 0),
    criteria: (spec.when ?? []).map(criterion),
  };
}

function step(onSuccess: ActionPlan[], onFailure: ActionPlan[] = []): StepPlan {
  return {
    pointer: '/workflows/0/steps/0',
    stepId: 'poll',
    index: 0,
    target: { kind: 'workflow', workflow: { documentKey: 'doc.yaml', workflowId: 'child' } },
    parameters: [],
    successCriteria: [],
    onSuccess,
    onFailure,
    outputs: [],
  };
}

function scope(statusCode: number, body: unknown = {}, headers: Record<string, string> = {}): ExpressionScope {
  return { inputs: {}, steps: {}, workflows: {}, sourceDescriptions: {}, response: { statusCode, headers, body } };
}

function decide(plan: StepPlan, succeeded: boolean, at: ExpressionScope, extra: Partial<TransitionInput> = {}): ReturnType<typeof nextTransition> {
  return nextTransition({ step: plan, succeeded, scope: at, retriesUsed: {}, ...extra });
}

const toStep = (stepId: string, index: number): ActionTarget => ({ kind: 'step', stepId, index });
const summary = (t: ReturnType<typeof nextTransition>): string => (t.kind === 'next' || t.kind === 'fail' ? t.kind : `${t.kind}:${t.action.name}`);

describe('spec Step Object onSuccess: the first action whose criteria all pass wins', () => {
  const plan = step([
    action('ready', 'end', { when: ['$response.body#/state == "ready"'] }),
    action('again', 'goto', { when: ['$response.body#/state != "ready"'], target: toStep('poll', 0) }),
    action('catchAll', 'goto', { target: toStep('next', 1) }),
  ]);

  it('list order decides, not the action type', () => {
    expect(summary(decide(plan, true, scope(200, { state: 'ready' })))).toBe('end:ready');
    expect(summary(decide(plan, true, scope(200, { state: 'building' })))).toBe('goto:again');
  });

  it('a goto carries its resolved target', () => {
    const transition = decide(plan, true, scope(200, { state: 'building' }));
    expect(transition).toMatchObject({ kind: 'goto', target: { kind: 'step', stepId: 'poll', index: 0 } });
  });

  it('an action without criteria always matches', () => {
    const open = step([action('catchAll', 'goto', { target: toStep('next', 1) }), action('never', 'end')]);
    expect(summary(decide(open, true, scope(200)))).toBe('goto:catchAll');
  });

  it('every criterion of an action must pass (they are ANDed)', () => {
    const both = step([
      action('both', 'end', { when: ['$statusCode == 200', '$response.body#/state == "ready"'] }),
    ]);
    expect(summary(decide(both, true, scope(200, { state: 'ready' })))).toBe('end:both');
    expect(summary(decide(both, true, scope(200, { state: 'other' })))).toBe('next');
  });

  it('a goto to another workflow is a goto with a workflow target', () => {
    const transfer = step([action('handOff', 'goto', { target: { kind: 'workflow', workflow: { documentKey: 'doc.yaml', workflowId: 'other' } } })]);
    expect(decide(transfer, true, scope(200))).toMatchObject({ kind: 'goto', target: { kind: 'workflow', workflow: { workflowId: 'other' } } });
  });
});

describe('spec Step Object: no matching action', () => {
  it('on success → the next step', () => {
    const plan = step([action('ready', 'end', { when: ['$statusCode == 201'] })]);
    expect(decide(plan, true, scope(200))).toEqual({ kind: 'next' });
    expect(decide(step([]), true, scope(200))).toEqual({ kind: 'next' });
  });

  it('on failure → the run fails, with the step failure reason', () => {
    const plan = step([], [action('only503', 'retry', { when: ['$statusCode == 503'] })]);
    expect(decide(plan, false, scope(500), { failureReason: 'criterion "$statusCode == 200" did not pass' }))
      .toEqual({ kind: 'fail', reason: 'criterion "$statusCode == 200" did not pass' });
    expect(decide(step([]), false, scope(500))).toMatchObject({ kind: 'fail', reason: expect.stringContaining('poll') });
  });

  it('success actions are not consulted on failure, nor failure actions on success', () => {
    const plan = step([action('s', 'end')], [action('f', 'end')]);
    expect(summary(decide(plan, true, scope(200)))).toBe('end:s');
    expect(summary(decide(plan, false, scope(500)))).toBe('end:f');
  });
});

describe('spec Failure Action Object retry: retryLimit (default one retry) and retryAfter', () => {
  const plan = step([], [
    action('retryBusy', 'retry', { when: ['$statusCode == 503'], retryAfterMs: 2000, retryLimit: 1 }),
    action('giveUp', 'end', { when: ['$statusCode == 503'] }),
  ]);

  it('retries while retries remain, with retryAfter as the delay', () => {
    expect(decide(plan, false, scope(503))).toMatchObject({ kind: 'retry', action: { name: 'retryBusy' }, delayMs: 2000 });
  });

  it('an exhausted retry is skipped: the next matching failure action runs', () => {
    expect(summary(decide(plan, false, scope(503), { retriesUsed: { retryBusy: 1 } }))).toBe('end:giveUp');
  });

  it('an exhausted retry with no other matching action fails the run', () => {
    const lone = step([], [action('retryBusy', 'retry', { retryLimit: 1 })]);
    expect(decide(lone, false, scope(503), { retriesUsed: { retryBusy: 1 } }).kind).toBe('fail');
  });

  it('retryLimit 3 allows three retries, counted per action name', () => {
    const three = step([], [action('r', 'retry', { retryLimit: 3 }), action('other', 'retry', { retryLimit: 1 })]);
    expect(summary(decide(three, false, scope(500), { retriesUsed: { r: 2 } }))).toBe('retry:r');
    expect(summary(decide(three, false, scope(500), { retriesUsed: { r: 3 } }))).toBe('retry:other');
    expect(decide(three, false, scope(500), { retriesUsed: { r: 3, other: 1 } }).kind).toBe('fail');
  });

  it('retryLimit 0 never retries', () => {
    const none = step([], [action('r', 'retry', { retryLimit: 0 })]);
    expect(decide(none, false, scope(500)).kind).toBe('fail');
  });

  it('a Retry-After header overrides retryAfter (including a zero header)', () => {
    expect(decide(plan, false, scope(503), { retryAfterHeaderMs: 7000 })).toMatchObject({ kind: 'retry', delayMs: 7000 });
    expect(decide(plan, false, scope(503), { retryAfterHeaderMs: 0 })).toMatchObject({ kind: 'retry', delayMs: 0 });
  });

  it('is pure: the same input gives the same decision and the input is not changed', () => {
    const input: TransitionInput = { step: plan, succeeded: false, scope: scope(503), retriesUsed: Object.freeze({ retryBusy: 0 }) };
    expect(nextTransition(input)).toEqual(nextTransition(input));
    expect(input.retriesUsed).toEqual({ retryBusy: 0 });
  });
});
