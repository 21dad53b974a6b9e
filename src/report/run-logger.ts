/**
 * `--log-level` / `--log-format json|pretty`: the run as structured pino records on stderr.
 * pino is imported only when logging is asked for, and writes synchronously to our own
 * destination (no transports, no worker threads). Records are masked before pino sees them and
 * each line is masked again on the way out.
 */
import type { RunEvent } from '../engine/events.js';
import { requestBodyText, truncateText } from './format-exchange.js';
import { formatPrettyLog } from './format-pretty-log.js';
import type { Redactor } from './redact.js';
import type { RunReporter } from './run-reporter.js';
import { stateOf } from './run-text.js';
import type { TextStyle } from './style-text.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'pretty';

export interface RunLoggerOptions {
  level: LogLevel;
  format: LogFormat;
  write(text: string): void;
  redactor: Redactor;
  style: TextStyle;
}

const LOG_BODY_LIMIT = 2000;

type Level = 'debug' | 'info' | 'warn' | 'error';
type Record_ = { level: Level; msg: string; fields: Record<string, unknown> };

export async function createRunLogger(options: RunLoggerOptions): Promise<RunReporter> {
  const { pino } = await import('pino');
  const { redactor } = options;
  const destination = {
    write: (line: string): void => options.write(redactor.text(options.format === 'pretty' ? formatPrettyLog(line, options.style) : line)),
  };
  const logger = pino({ level: options.level, base: null, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
  const log = (record: Record_ | undefined): void => {
    if (record) logger[record.level](redactor.value(record.fields), redactor.text(record.msg));
  };
  return {
    onEvent: (event) => log(eventRecord(event, redactor)),
    notice: (text) => log({ level: 'warn', msg: text, fields: { event: 'notice' } }),
    finish: (result, interruptedBy) => {
      const fields = { event: 'run-end', workflowId: result.workflowId, status: result.status, error: result.error ?? null, durationMs: result.durationMs, ...(interruptedBy ? { interruptedBy } : {}) };
      log({ level: result.status === 'succeeded' ? 'info' : 'error', msg: `workflow ${result.workflowId} ${interruptedBy ? 'interrupted' : result.status}`, fields });
      logger.flush?.();
    },
    dispose: () => undefined,
  };
}

function eventRecord(event: RunEvent, redactor: Redactor): Record_ | undefined {
  const fields = (extra: Record<string, unknown>): Record<string, unknown> => ({ event: event.type, ...extra });
  switch (event.type) {
    case 'workflow-start':
      return { level: 'info', msg: `workflow ${event.workflowId} started`, fields: fields({ workflowId: event.workflowId, depth: event.depth }) };
    case 'step-start':
      return { level: 'debug', msg: `step ${event.stepId} #${event.execution}`, fields: fields({ workflowId: event.workflowId, stepId: event.stepId, execution: event.execution }) };
    case 'request': {
      const body = requestBodyText(event.request.body);
      const headers = Object.fromEntries(event.request.headers.map(([name, value]) => [name, redactor.header(name, value)]));
      return { level: 'debug', msg: `→ ${event.request.method} ${event.request.url}`, fields: fields({ workflowId: event.workflowId, stepId: event.stepId, method: event.request.method, url: event.request.url, headers, ...(body !== undefined ? { body: truncateText(redactor.text(body), LOG_BODY_LIMIT) } : {}) }) };
    }
    case 'response': {
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([name, value]) => [name, redactor.header(name, value)]));
      const body = event.response.bodyText;
      return { level: 'debug', msg: `← ${event.response.status} in ${event.response.durationMs} ms`, fields: fields({ workflowId: event.workflowId, stepId: event.stepId, status: event.response.status, durationMs: event.response.durationMs, headers, ...(body ? { body: truncateText(redactor.text(body), LOG_BODY_LIMIT) } : {}) }) };
    }
    case 'http-failure':
      return { level: 'warn', msg: `request failed (${event.reason}): ${event.message}`, fields: fields({ workflowId: event.workflowId, stepId: event.stepId, reason: event.reason, durationMs: event.durationMs }) };
    case 'step-end': {
      const state = stateOf(event.outputs);
      return {
        level: event.succeeded ? 'info' : 'warn',
        msg: `step ${event.stepId} ${event.succeeded ? 'succeeded' : 'failed'}${event.statusCode !== undefined ? ` (${event.statusCode})` : ''}`,
        fields: fields({ workflowId: event.workflowId, stepId: event.stepId, execution: event.execution, succeeded: event.succeeded, statusCode: event.statusCode, state, reason: event.reason, durationMs: event.durationMs }),
      };
    }
    case 'action':
      return { level: 'info', msg: `${event.actionType}${event.target ? ` ${event.target}` : ''} (${event.name})`, fields: fields({ workflowId: event.workflowId, stepId: event.stepId, action: event.name, actionType: event.actionType, target: event.target }) };
    case 'wait':
      return { level: 'debug', msg: `waiting ${event.ms} ms before the next ${event.reason}`, fields: fields({ workflowId: event.workflowId, stepId: event.stepId, ms: event.ms, reason: event.reason }) };
    case 'warning':
      return { level: 'warn', msg: event.diagnostic.message, fields: fields({ code: event.diagnostic.code, file: event.diagnostic.file, pointer: event.diagnostic.pointer }) };
    case 'workflow-end':
      return { level: event.status === 'succeeded' ? 'info' : 'warn', msg: `workflow ${event.workflowId} ${event.status}`, fields: fields({ workflowId: event.workflowId, status: event.status }) };
  }
}
