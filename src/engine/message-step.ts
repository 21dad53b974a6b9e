/**
 * Arazzo 1.1.0 §Step Object, "Defining Success for Asynchronous Steps": an AsyncAPI step as an
 * effect and back. A send hands the driver its message (headers from `in: header` parameters, the
 * payload from requestBody, `in: channel` parameters filled into the address) and completes when
 * the broker accepted it; a receive hands over the correlation id and timeout and completes on the
 * first matching message, whose `$message` its criteria and outputs then read, or fails when the
 * timeout passes.
 */
import { renderValue } from '../expressions/evaluate-expression.js';
import { parsePointer } from '../expressions/json-pointer.js';
import { applyPointer } from '../expressions/lookup-value.js';
import type { ValueTemplate } from '../expressions/ast.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { StepPlan } from '../plan/plan.js';
import type { MessageEffect } from './effects.js';
import { RunHalt } from './halt-run.js';
import type { BrokerMessage, ReceiveOutcome } from './ports.js';
import { asyncChannelKey, remainingMs, type FramePlan, type RunEnv } from './run-env.js';
import type { RunState } from './run-state.js';

/** A receive step without `timeout` waits this long (the spec gives no default). */
export const DEFAULT_RECEIVE_TIMEOUT_MS = 30_000;

export function messageEffect(state: RunState, env: RunEnv, at: FramePlan, step: StepPlan, scope: ExpressionScope): MessageEffect {
  const workflowId = at.workflow.workflowId;
  const channel = env.options.asyncChannels?.get(asyncChannelKey(at.document.key, workflowId, step.stepId));
  if (!channel || !env.options.broker) throw new RunHalt('asyncapi-step-unsupported', `step ${step.stepId} is an AsyncAPI step whose channel was not resolved before the run`, step.stepId, workflowId);
  const rendered = renderMessage(step, channel.address, (template) => renderValue(template, scope));
  return {
    kind: 'message',
    channel,
    ...rendered,
    timeoutMs: Math.max(0, Math.min(step.timeout ?? DEFAULT_RECEIVE_TIMEOUT_MS, remainingMs(state, env))),
  };
}

/**
 * The step's message as the run builds it (also for --dry-run): `in: channel` parameters filled
 * into the address, the other parameters as headers, the payload from requestBody, and the
 * correlation id a receive waits for.
 */
export function renderMessage(step: StepPlan, channelAddress: string, render: (template: ValueTemplate) => unknown): { address: string; message: BrokerMessage; correlationId?: string } {
  const headers: Record<string, string> = {};
  let address = channelAddress;
  for (const parameter of step.parameters) {
    const value = render(parameter.value);
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (parameter.in === 'channel') address = address.split(`{${parameter.name}}`).join(text);
    else headers[parameter.name.toLowerCase()] = text;
  }
  const payload = step.requestBody?.payload ? render(step.requestBody.payload) : undefined;
  const correlation = step.correlationId ? render(step.correlationId) : undefined;
  return { address, message: { headers, payload }, ...(correlation !== undefined && correlation !== null ? { correlationId: String(correlation) } : {}) };
}

/** The correlation id a message carries at `location` (`$message.header#/name` or `$message.payload#/ptr`). */
export function correlationOf(message: BrokerMessage, location: string | undefined): unknown {
  if (location === undefined) return message.headers['correlationid'] ?? message.headers['correlation-id'];
  const match = /^\$message\.(header|payload)(?:#(.*))?$/.exec(location.trim());
  if (!match) return undefined;
  if (match[1] === 'header') {
    const name = (match[2] ?? '').replace(/^\//, '').toLowerCase();
    return message.headers[name];
  }
  const pointer = parsePointer(match[2] ?? '');
  if (!pointer.ok) return undefined;
  const found = applyPointer({ found: true, value: message.payload }, pointer.tokens, 'the message payload');
  return found.found ? found.value : undefined;
}

export function matcherFor(effect: MessageEffect): (message: BrokerMessage) => boolean {
  const wanted = effect.correlationId;
  if (wanted === undefined) return () => true;
  return (message) => String(correlationOf(message, effect.channel.correlationLocation)) === wanted;
}

export type MessageOutcome = { kind: 'sent' } | ReceiveOutcome;
