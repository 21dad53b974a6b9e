/**
 * What the reports need beyond the RunResult, collected from the event stream: each step
 * execution with its timing, each workflow's status, and — only when a HAR is asked for — every
 * HTTP exchange. The timeline is bounded by --max-steps; exchanges are kept only on request.
 */
import type { RunEvent } from '../engine/events.js';
import type { HttpFailureReason, HttpRequest, HttpResponse } from '../engine/ports.js';

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

export type WorkflowStatus = 'running' | 'succeeded' | 'failed';

export interface RunJournal {
  onEvent(event: RunEvent): void;
  readonly startedAt: number;
  readonly timeline: readonly TimelineEntry[];
  /** workflowId → status, in the order the workflows started. */
  readonly workflows: ReadonlyMap<string, WorkflowStatus>;
  readonly exchanges: readonly Exchange[];
}

export function createRunJournal(options: { keepExchanges: boolean; now?: () => number }): RunJournal {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const timeline: TimelineEntry[] = [];
  const workflows = new Map<string, WorkflowStatus>();
  const exchanges: Exchange[] = [];
  const stepStarts = new Map<string, number>();
  let pending: { key: string; sentAt: number } | undefined;

  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'workflow-start':
        workflows.set(event.workflowId, 'running');
        break;
      case 'workflow-end':
        workflows.set(event.workflowId, event.status);
        break;
      case 'step-start':
        stepStarts.set(`${event.workflowId}#${event.stepId}`, now());
        break;
      case 'step-end': {
        const started = stepStarts.get(`${event.workflowId}#${event.stepId}`) ?? now() - event.durationMs;
        timeline.push({
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
        if (!options.keepExchanges) break;
        const key = `${event.workflowId}#${event.stepId}`;
        const sentAt = pending?.key === key ? pending.sentAt : now();
        const base = { workflowId: event.workflowId, stepId: event.stepId, sentAt, request: event.request };
        exchanges.push(event.type === 'response'
          ? { ...base, response: event.response }
          : { ...base, failure: { reason: event.reason, message: event.message, durationMs: event.durationMs } });
        break;
      }
      default:
        break;
    }
  };
  return { onEvent, startedAt, timeline, workflows, exchanges };
}
