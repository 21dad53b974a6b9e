/**
 * The plain account of a run on stderr: one line per step execution, action and warning; with
 * --verbose each request and response too. No cursor movement, so it suits logs, CI and pipes.
 * Every line passes through the redactor.
 */
import type { RunEvent } from '../engine/events.js';
import { formatMessageLines, formatRequestLines, formatResponseLines } from './format-exchange.js';
import type { ReporterOptions, RunReporter } from './run-reporter.js';
import { formatMs, stateOf, summaryLines } from './run-text.js';

export function createHumanReporter(options: ReporterOptions): RunReporter {
  const { style, redactor } = options;
  const line = (text: string): void => options.write(`${redactor.text(text)}\n`);
  const depths = new Map<string, number>();
  const indent = (workflowId: string, extra = 0): string => '  '.repeat((depths.get(workflowId) ?? 0) + 1 + extra);

  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'workflow-start':
        depths.set(event.workflowId, event.depth);
        line(`${'  '.repeat(event.depth)}${style.bold(`workflow ${event.workflowId}`)}`);
        break;
      case 'request':
        if (options.verbose) for (const text of formatRequestLines(event.request, redactor)) line(`${indent(event.workflowId, 1)}${style.dim(text)}`);
        break;
      case 'response':
        if (options.verbose) for (const text of formatResponseLines(event.response, redactor)) line(`${indent(event.workflowId, 1)}${style.dim(text)}`);
        break;
      case 'message':
        if (options.verbose) for (const text of formatMessageLines(event.message, redactor)) line(`${indent(event.workflowId, 1)}${style.dim(text)}`);
        break;
      case 'http-failure':
        // The step's own line carries the same reason; say it twice only when asked for detail.
        if (options.verbose) line(`${indent(event.workflowId, 1)}${style.red(`request failed (${event.reason}): ${event.message}`)}`);
        break;
      case 'step-end': {
        const mark = event.succeeded ? style.green('✓') : style.red('✗');
        const status = event.statusCode !== undefined ? ` ${event.statusCode}` : '';
        const state = stateOf(event.outputs);
        const iteration = event.execution > 1 ? style.dim(` #${event.execution}`) : '';
        const reason = !event.succeeded && event.reason ? ` ${style.red(event.reason)}` : '';
        line(`${indent(event.workflowId)}${mark} ${event.stepId}${iteration}${status}${state ? ` ${style.cyan(state)}` : ''} ${style.dim(`${event.durationMs} ms`)}${reason}`);
        break;
      }
      case 'action':
        line(`${indent(event.workflowId, 1)}${style.dim(`${event.actionType}${event.target ? ` ${event.target}` : ''} (${event.name})`)}`);
        break;
      case 'wait':
        if (options.verbose) line(`${indent(event.workflowId, 1)}${style.dim(`waiting ${formatMs(event.ms)} before the next ${event.reason}`)}`);
        break;
      case 'warning':
        line(`${style.yellow('warning')} ${event.diagnostic.message}`);
        break;
      case 'step-start':
      case 'workflow-end':
        break;
    }
  };

  return {
    onEvent,
    notice: (text) => line(style.yellow(text)),
    finish: (result, interruptedBy) => summaryLines(result, style, interruptedBy, options.verbose).forEach(line),
    dispose: () => undefined,
  };
}
