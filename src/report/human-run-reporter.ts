/** A readable step-by-step account of a run, on stderr. Secrets pass through the redactor. */
import type { RunEvent } from '../engine/events.js';
import type { RunResult } from '../engine/run-result.js';
import type { Redactor } from './redact.js';
import type { TextStyle } from './style-text.js';

export interface HumanReporterOptions {
  write(text: string): void;
  style: TextStyle;
  redactor: Redactor;
  verbose: boolean;
}

const STATE_KEYS = ['state', 'status', 'lifecycleState', 'phase'];

export function createHumanReporter(options: HumanReporterOptions): { onEvent(event: RunEvent): void; finish(result: RunResult): void } {
  const { style, redactor } = options;
  const line = (text: string): void => options.write(`${redactor.text(text)}\n`);
  const indent = (depth: number): string => '  '.repeat(depth + 1);
  const depths = new Map<string, number>();
  const depthOf = (workflowId: string): number => depths.get(workflowId) ?? 0;

  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'workflow-start':
        depths.set(event.workflowId, event.depth);
        line(`${'  '.repeat(event.depth)}${style.bold(`workflow ${event.workflowId}`)}`);
        break;
      case 'request':
        if (options.verbose) line(`${indent(depthOf(event.workflowId) + 1)}${style.dim(`→ ${event.request.method} ${event.request.url}`)}${formatHeaders(event.request.headers, redactor)}`);
        break;
      case 'response':
        if (options.verbose) line(`${indent(depthOf(event.workflowId) + 1)}${style.dim(`← ${event.response.status} in ${event.response.durationMs} ms ${truncate(event.response.bodyText ?? '', 200)}`)}`);
        break;
      case 'http-failure':
        line(`${indent(depthOf(event.workflowId) + 1)}${style.red(`request failed (${event.reason}): ${event.message}`)}`);
        break;
      case 'step-end': {
        const mark = event.succeeded ? style.green('✓') : style.red('✗');
        const status = event.statusCode !== undefined ? ` ${event.statusCode}` : '';
        const state = stateOf(event.outputs);
        const iteration = event.execution > 1 ? style.dim(` #${event.execution}`) : '';
        const reason = !event.succeeded && event.reason ? ` ${style.red(event.reason)}` : '';
        line(`${indent(depthOf(event.workflowId))}${mark} ${event.stepId}${iteration}${status}${state ? ` ${style.cyan(state)}` : ''} ${style.dim(`${event.durationMs} ms`)}${reason}`);
        break;
      }
      case 'action':
        line(`${indent(depthOf(event.workflowId) + 1)}${style.dim(`${event.actionType}${event.target ? ` ${event.target}` : ''} (${event.name})`)}`);
        break;
      case 'wait':
        if (options.verbose) line(`${indent(depthOf(event.workflowId) + 1)}${style.dim(`waiting ${formatMs(event.ms)} before the next ${event.reason}`)}`);
        break;
      case 'warning':
        line(`${style.yellow('warning')} ${event.diagnostic.message}`);
        break;
      case 'step-start':
      case 'workflow-end':
        break;
    }
  };

  const finish = (result: RunResult): void => {
    const summary = result.status === 'succeeded' ? style.green('succeeded') : style.red('failed');
    const ended = result.endedBy ? ` (ended by ${result.endedBy.stepId} → ${result.endedBy.action})` : '';
    const transferred = result.transferredTo ? ` (transferred to workflow ${result.transferredTo})` : '';
    line(`${style.bold(result.workflowId)} ${summary}${ended}${transferred} in ${formatMs(result.durationMs)}`);
    if (result.error) line(`  ${style.red(`${result.error.code}: ${result.error.message}`)}`);
  };
  return { onEvent, finish };
}

function stateOf(outputs: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of STATE_KEYS) {
    const value = outputs[key];
    if (Object.hasOwn(outputs, key) && (typeof value === 'string' || typeof value === 'number')) return String(value);
  }
  return undefined;
}

function formatHeaders(headers: ReadonlyArray<readonly [string, string]>, redactor: Redactor): string {
  if (headers.length === 0) return '';
  return ` ${headers.map(([name, value]) => `${name}: ${redactor.header(name, value)}`).join('; ')}`;
}

const truncate = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}
