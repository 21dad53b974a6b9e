/** What the interpreter reports while it runs. Reporters (human, JSON, HAR, logs) consume these. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { HttpFailureReason, HttpRequest, HttpResponse } from './ports.js';
import type { StepMessage } from './run-result.js';

export type RunEvent =
  | { type: 'workflow-start'; workflowId: string; depth: number }
  | { type: 'step-start'; workflowId: string; stepId: string; execution: number; attempt: number }
  | { type: 'request'; workflowId: string; stepId: string; request: HttpRequest }
  | { type: 'response'; workflowId: string; stepId: string; request: HttpRequest; response: HttpResponse }
  | { type: 'http-failure'; workflowId: string; stepId: string; request: HttpRequest; reason: HttpFailureReason; message: string; durationMs: number }
  /** An AsyncAPI step's message, sent (the broker took it) or received (Arazzo 1.1). */
  | { type: 'message'; workflowId: string; stepId: string; message: StepMessage }
  | {
      type: 'step-end';
      workflowId: string;
      stepId: string;
      succeeded: boolean;
      execution: number;
      statusCode?: number;
      reason?: string;
      httpFailure?: HttpFailureReason;
      outputs: Readonly<Record<string, unknown>>;
      durationMs: number;
    }
  | { type: 'action'; workflowId: string; stepId: string; name: string; actionType: 'end' | 'goto' | 'retry'; target?: string }
  | { type: 'wait'; workflowId: string; stepId: string; ms: number; reason: 'poll' | 'retry' }
  | { type: 'warning'; diagnostic: Diagnostic }
  | { type: 'workflow-end'; workflowId: string; status: 'succeeded' | 'failed'; outputs: Readonly<Record<string, unknown>> };

export type EventSink = (event: RunEvent) => void;
