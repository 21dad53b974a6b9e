/**
 * The terminal reporter for a TTY: one live line for the step in progress — spinner, step, the
 * last state seen, the poll count and the elapsed time (`⠹ pollBuild  building  poll 7  0:21`) —
 * redrawn in place, then replaced by the step's summary line when control moves on. Everything
 * else (workflow headers, actions, warnings, --verbose exchanges) is printed above the live line.
 */
import type { RunEvent } from '../engine/events.js';
import { formatMessageLines, formatRequestLines, formatResponseLines } from './format-exchange.js';
import type { ReporterOptions, RunReporter } from './run-reporter.js';
import { formatClock, stateOf, summaryLines } from './run-text.js';
import type { TextStyle } from './style-text.js';

export interface LiveOptions extends ReporterOptions {
  now?: () => number;
  /** Terminal width; the live line is cut to fit so it never wraps (a wrapped line cannot be redrawn). */
  columns?: () => number | undefined;
  /** Redraw period for the spinner and clock. */
  tickMs?: number;
}

interface LiveStep {
  workflowId: string;
  stepId: string;
  depth: number;
  startedAt: number;
  executions: number;
  state?: string;
  statusCode?: number;
  succeeded?: boolean;
  reason?: string;
  waitUntil?: number;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const CLEAR_LINE = '\r\u001b[2K';

export function createLiveProgressReporter(options: LiveOptions): RunReporter {
  const { style, redactor } = options;
  const now = options.now ?? Date.now;
  const depths = new Map<string, number>();
  let current: LiveStep | undefined;
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const render = (): void => {
    if (current) options.write(`${CLEAR_LINE}${fit(redactor.text(liveLine(current, frame, now(), style)), options.columns?.())}`);
  };
  const above = (text: string): void => {
    options.write(`${CLEAR_LINE}${redactor.text(text)}\n`);
    render();
  };
  const settle = (): void => {
    if (!current) return;
    const step = current;
    current = undefined;
    options.write(`${CLEAR_LINE}${redactor.text(settledLine(step, now(), style))}\n`);
  };
  const startTimer = (): void => {
    timer ??= setInterval(() => {
      frame++;
      render();
    }, options.tickMs ?? 125);
    timer.unref?.();
  };
  const dispose = (): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  const onStepStart = (event: Extract<RunEvent, { type: 'step-start' }>): void => {
    if (current && current.workflowId === event.workflowId && current.stepId === event.stepId) {
      current = { ...current, executions: current.executions + 1, waitUntil: undefined };
    } else {
      settle();
      current = { workflowId: event.workflowId, stepId: event.stepId, depth: depths.get(event.workflowId) ?? 0, startedAt: now(), executions: 1 };
    }
    startTimer();
    render();
  };

  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'workflow-start':
        settle();
        depths.set(event.workflowId, event.depth);
        above(`${'  '.repeat(event.depth)}${style.bold(`workflow ${event.workflowId}`)}`);
        break;
      case 'step-start':
        onStepStart(event);
        break;
      case 'step-end':
        if (current?.stepId === event.stepId) current = withOutcome(current, event);
        render();
        break;
      case 'request':
        if (options.verbose) formatRequestLines(event.request, redactor).forEach((t) => above(`${'  '.repeat((depths.get(event.workflowId) ?? 0) + 2)}${style.dim(t)}`));
        break;
      case 'response':
        if (options.verbose) formatResponseLines(event.response, redactor).forEach((t) => above(`${'  '.repeat((depths.get(event.workflowId) ?? 0) + 2)}${style.dim(t)}`));
        break;
      case 'message':
        if (options.verbose) formatMessageLines(event.message, redactor).forEach((t) => above(`${'  '.repeat((depths.get(event.workflowId) ?? 0) + 2)}${style.dim(t)}`));
        break;
      case 'http-failure':
        if (options.verbose) above(`${'  '.repeat((depths.get(event.workflowId) ?? 0) + 2)}${style.red(`request failed (${event.reason}): ${event.message}`)}`);
        break;
      case 'wait':
        if (current) current = { ...current, waitUntil: now() + event.ms };
        render();
        break;
      case 'action':
        if (!repeatsStep(event)) {
          settle();
          above(`${'  '.repeat((depths.get(event.workflowId) ?? 0) + 2)}${style.dim(`${event.actionType}${event.target ? ` ${event.target}` : ''} (${event.name})`)}`);
        }
        break;
      case 'warning':
        above(`${style.yellow('warning')} ${event.diagnostic.message}`);
        break;
      case 'workflow-end':
        settle();
        break;
    }
  };

  return {
    onEvent,
    notice: (text) => above(style.yellow(text)),
    finish: (result, interruptedBy) => {
      dispose();
      settle();
      for (const text of summaryLines(result, style, interruptedBy, options.verbose)) options.write(`${CLEAR_LINE}${redactor.text(text)}\n`);
    },
    dispose,
  };
}

/** `⠹ pollBuild  building  poll 7  0:21  next in 2s` */
function liveLine(step: LiveStep, frame: number, now: number, style: TextStyle): string {
  const parts = [`${'  '.repeat(step.depth + 1)}${style.cyan(FRAMES[frame % FRAMES.length]!)} ${style.bold(step.stepId)}`];
  if (step.state) parts.push(style.cyan(step.state));
  if (step.executions > 1) parts.push(`poll ${step.executions}`);
  parts.push(style.dim(formatClock(now - step.startedAt)));
  if (step.waitUntil !== undefined && step.waitUntil > now) parts.push(style.dim(`next in ${formatWait(step.waitUntil - now)}`));
  return parts.join('  ');
}

/** `✓ pollBuild  200  active  7 polls  0:21` (the reason too when it failed). */
function settledLine(step: LiveStep, now: number, style: TextStyle): string {
  const mark = step.succeeded === undefined ? style.yellow('…') : step.succeeded ? style.green('✓') : style.red('✗');
  const parts = [`${'  '.repeat(step.depth + 1)}${mark} ${step.stepId}`];
  if (step.statusCode !== undefined) parts.push(String(step.statusCode));
  if (step.state) parts.push(style.cyan(step.state));
  if (step.executions > 1) parts.push(`${step.executions} polls`);
  parts.push(style.dim(formatClock(now - step.startedAt)));
  if (step.succeeded === false && step.reason) parts.push(style.red(step.reason));
  return parts.join('  ');
}

function withOutcome(step: LiveStep, event: Extract<RunEvent, { type: 'step-end' }>): LiveStep {
  const state = stateOf(event.outputs);
  return {
    ...step,
    succeeded: event.succeeded,
    ...(state !== undefined ? { state } : {}),
    ...(event.statusCode !== undefined ? { statusCode: event.statusCode } : {}),
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
  };
}

/** A poll (goto to itself) or a retry of the same step stays on the live line. */
const repeatsStep = (event: Extract<RunEvent, { type: 'action' }>): boolean =>
  (event.actionType === 'goto' && event.target === event.stepId) || (event.actionType === 'retry' && (event.target === undefined || event.target === event.stepId));

/** Cuts a line to the terminal width, counting visible characters only (ANSI codes are free). */
function fit(text: string, columns: number | undefined): string {
  if (!columns || columns < 10) return text;
  let visible = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    // eslint-disable-next-line no-control-regex
    const escape = /^\u001b\[[0-9;]*m/.exec(text.slice(i));
    if (escape) {
      out += escape[0];
      i += escape[0].length - 1;
      continue;
    }
    if (visible >= columns - 1) return `${out}\u001b[0m`;
    out += text[i];
    visible++;
  }
  return out;
}

/** Whole seconds for long waits; tenths below a second, so a 200 ms poll does not read "1s". */
export function formatWait(ms: number): string {
  return ms >= 1000 ? `${Math.ceil(ms / 1000)}s` : `${Math.max(0.1, Math.ceil(ms / 100) / 10).toFixed(1)}s`;
}
