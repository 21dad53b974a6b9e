/**
 * What the reports need beyond the RunResult, collected from the event stream: each step
 * execution with its timing, each workflow's status, and — only when a HAR is asked for — every
 * HTTP exchange and AsyncAPI message. A long poll must not grow memory with every iteration (issue 7), so unless a
 * JSON report asks for the whole timeline, only its first and last TIMELINE_EDGE entries are kept
 * and the rest are counted. Exchanges are kept only on request.
 */
import type { RunEvent } from '../engine/events.js';
import type { HttpFailureReason, HttpRequest, HttpResponse } from '../engine/ports.js';
import type { StepMessage } from '../engine/run-result.js';

export interface TimelineEntry {
  workflowId: string;
  stepId: string;
  execution: number;
  status: 'succeeded' | 'failed';
  statusCode?: number;
  reason?: string;
  /** ISO time the execution started. */
  startedAt: string;
  durationMs: number;
}

export interface Exchange {
  workflowId: string;
  stepId: string;
  /** Epoch ms when the request was handed to the HTTP layer. */
  sentAt: number;
  request: HttpRequest;
  response?: HttpResponse;
  failure?: { reason: HttpFailureReason; message: string; durationMs: number };
}

/** An AsyncAPI step's message, kept beside the exchanges (HAR's `log._messages`). */
export interface MessageRecord {
  workflowId: string;
  stepId: string;
  /** Epoch ms the message was sent or received. */
  at: number;
  message: StepMessage;
}

export type WorkflowStatus = 'running' | 'succeeded' | 'failed';

/** Entries kept at each end of a bounded timeline. */
export const TIMELINE_EDGE = 100;

export interface RunJournal {
  onEvent(event: RunEvent): void;
  readonly startedAt: number;
  /** Every execution, or (bounded) the first and last TIMELINE_EDGE of them. */
  readonly timeline: readonly TimelineEntry[];
  /** How many executions a bounded timeline left out. */
  readonly timelineOmitted: number;
  /** workflowId → status, in the order the workflows started. */
  readonly workflows: ReadonlyMap<string, WorkflowStatus>;
  /** workflowId → wall time (ms) from its start to its end, summed when it ran more than once. */
  readonly workflowDurations: ReadonlyMap<string, number>;
  readonly exchanges: readonly Exchange[];
  /** Kept with the exchanges (on request). */
  readonly messages: readonly MessageRecord[];
  /** workflowId#stepId → the last response of a step whose last execution failed. */
  readonly failedResponses: ReadonlyMap<string, HttpResponse>;
  /** Everything above as plain JSON, so a resumed run's reports cover the whole run (issue 11). */
  snapshot(): JournalSnapshot;
}

export interface JournalSnapshot {
  startedAt: number;
  head: TimelineEntry[];
  tail: TimelineEntry[];
  omitted: number;
  workflows: Array<[string, WorkflowStatus]>;
  workflowDurations: Array<[string, number]>;
  exchanges: Exchange[];
  /** Absent in state files written before messages were kept. */
  messages?: MessageRecord[];
  failedResponses: Array<[string, HttpResponse]>;
}

/** A request body as JSON can hold it: bytes become text (HAR keeps text too). */
const toPlainExchange = (exchange: Exchange): Exchange =>
  typeof exchange.request.body === 'string' || exchange.request.body === undefined
    ? exchange
    : { ...exchange, request: { ...exchange.request, body: Buffer.from(exchange.request.body).toString('utf8') } };

export function createRunJournal(options: { keepExchanges: boolean; keepFullTimeline?: boolean; now?: () => number; restore?: JournalSnapshot }): RunJournal {
  const now = options.now ?? Date.now;
  const restored = options.restore;
  const startedAt = restored?.startedAt ?? now();
  const head: TimelineEntry[] = [...(restored?.head ?? [])];
  const tail: TimelineEntry[] = [...(restored?.tail ?? [])];
  let omitted = restored?.omitted ?? 0;
  const record = (entry: TimelineEntry): void => {
    if (options.keepFullTimeline || head.length < TIMELINE_EDGE) {
      head.push(entry);
      return;
    }
    tail.push(entry);
    if (tail.length > TIMELINE_EDGE) {
      tail.shift();
      omitted++;
    }
  };
  const workflows = new Map<string, WorkflowStatus>(restored?.workflows ?? []);
  const workflowDurations = new Map<string, number>(restored?.workflowDurations ?? []);
  const workflowStarts = new Map<string, number[]>();
  const exchanges: Exchange[] = [...(restored?.exchanges ?? [])];
  const messages: MessageRecord[] = [...(restored?.messages ?? [])];
  const stepStarts = new Map<string, number>();
  const lastResponses = new Map<string, HttpResponse>(restored?.failedResponses ?? []);
  let pending: { key: string; sentAt: number } | undefined;
  // The same object for an exchange in every snapshot, so a state file encodes each one once (cli/journal-json.ts).
  const plain = new WeakMap<Exchange, Exchange>();
  const plainExchange = (exchange: Exchange): Exchange => {
    let converted = plain.get(exchange);
    if (converted === undefined) {
      converted = toPlainExchange(exchange);
      plain.set(exchange, converted);
    }
    return converted;
  };

  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'workflow-start': {
        workflows.set(event.workflowId, 'running');
        const starts = workflowStarts.get(event.workflowId) ?? [];
        starts.push(now());
        workflowStarts.set(event.workflowId, starts);
        break;
      }
      case 'workflow-end': {
        workflows.set(event.workflowId, event.status);
        const started = workflowStarts.get(event.workflowId)?.pop();
        if (started !== undefined) workflowDurations.set(event.workflowId, (workflowDurations.get(event.workflowId) ?? 0) + now() - started);
        break;
      }
      case 'step-start':
        stepStarts.set(`${event.workflowId}#${event.stepId}`, now());
        break;
      case 'step-end': {
        if (event.succeeded) lastResponses.delete(`${event.workflowId}#${event.stepId}`);
        const started = stepStarts.get(`${event.workflowId}#${event.stepId}`) ?? now() - event.durationMs;
        record({
          workflowId: event.workflowId,
          stepId: event.stepId,
          execution: event.execution,
          status: event.succeeded ? 'succeeded' : 'failed',
          ...(event.statusCode !== undefined ? { statusCode: event.statusCode } : {}),
          ...(event.reason !== undefined ? { reason: event.reason } : {}),
          startedAt: new Date(started).toISOString(),
          durationMs: event.durationMs,
        });
        break;
      }
      case 'request':
        pending = { key: `${event.workflowId}#${event.stepId}`, sentAt: now() };
        break;
      case 'response':
      case 'http-failure': {
        const key = `${event.workflowId}#${event.stepId}`;
        if (event.type === 'response') lastResponses.set(key, event.response);
        else lastResponses.delete(key);
        if (!options.keepExchanges) break;
        const sentAt = pending?.key === key ? pending.sentAt : now();
        const base = { workflowId: event.workflowId, stepId: event.stepId, sentAt, request: event.request };
        exchanges.push(event.type === 'response'
          ? { ...base, response: event.response }
          : { ...base, failure: { reason: event.reason, message: event.message, durationMs: event.durationMs } });
        break;
      }
      case 'message':
        if (options.keepExchanges) messages.push({ workflowId: event.workflowId, stepId: event.stepId, at: now(), message: event.message });
        break;
      default:
        break;
    }
  };
  return {
    onEvent,
    startedAt,
    get timeline() {
      return tail.length === 0 ? head : [...head, ...tail];
    },
    get timelineOmitted() {
      return omitted;
    },
    workflows,
    workflowDurations,
    exchanges,
    messages,
    failedResponses: lastResponses,
    snapshot: () => ({
      startedAt,
      head: [...head],
      tail: [...tail],
      omitted,
      workflows: [...workflows],
      workflowDurations: [...workflowDurations],
      exchanges: exchanges.map(plainExchange),
      ...(messages.length > 0 ? { messages: [...messages] } : {}),
      failedResponses: [...lastResponses],
    }),
  };
}
