/** `--dry-run` output: the first request (or AsyncAPI message) of each workflow, as text or JSON, masked. */
import type { MessagePreview, RequestPreview } from '../engine/preview-first-request.js';
import { requestBodyText } from './format-exchange.js';
import type { Redactor } from './redact.js';
import type { TextStyle } from './style-text.js';

export function previewToJson(previews: readonly RequestPreview[], workflowId: string, redactor: Redactor): Record<string, unknown> {
  return {
    status: 'dry-run',
    workflowId,
    requests: previews.map((p) => ({
      workflowId: p.workflowId,
      stepId: p.stepId,
      ...(p.request
        ? {
            method: p.request.method,
            url: redactor.text(p.request.url),
            headers: Object.fromEntries(p.request.headers.map(([name, value]) => [name, redactor.header(name, value)])),
            body: p.request.body === undefined ? null : redactor.text(requestBodyText(p.request.body) ?? ''),
          }
        : {}),
      ...(p.message ? { message: messageToJson(p.message, redactor) } : {}),
      ...(p.problem ? { problem: { code: p.problem.code, message: redactor.text(p.problem.message) } } : {}),
      unresolved: p.unresolved,
    })),
  };
}

function messageToJson(message: MessagePreview, redactor: Redactor): Record<string, unknown> {
  return {
    ...message,
    server: redactor.text(message.server),
    address: redactor.text(message.address),
    ...(message.correlationId !== undefined ? { correlationId: redactor.text(message.correlationId) } : {}),
    headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, redactor.header(name, value)])),
    ...(message.payload !== undefined ? { payload: redactor.value(message.payload) } : {}),
  };
}

function messageLines(message: MessagePreview, redactor: Redactor): string[] {
  const lines = message.action === 'send'
    ? [`  send to ${message.address} on ${message.server}`]
    : [`  receive from ${message.address} on ${message.server}${message.correlationId !== undefined ? `, correlation id ${message.correlationId}` : ''}, waiting up to ${message.timeoutMs ?? 0} ms`];
  for (const [name, value] of Object.entries(message.headers)) lines.push(`  ${name}: ${redactor.header(name, value)}`);
  if (message.payload !== undefined) lines.push('', ...JSON.stringify(message.payload, null, 2).split('\n').map((line) => `  ${line}`));
  return lines;
}

export function formatPreviews(previews: readonly RequestPreview[], style: TextStyle, redactor: Redactor): string {
  const lines: string[] = [];
  for (const preview of previews) {
    lines.push(style.bold(`workflow ${preview.workflowId}, step ${preview.stepId}:`));
    if (preview.request) {
      lines.push(`  ${preview.request.method} ${preview.request.url}`);
      for (const [name, value] of preview.request.headers) lines.push(`  ${name}: ${redactor.header(name, value)}`);
      const body = requestBodyText(preview.request.body);
      if (body !== undefined) lines.push('', ...body.split(/\r?\n/).map((line) => `  ${line}`));
    }
    if (preview.message) lines.push(...messageLines(preview.message, redactor));
    if (preview.problem) lines.push(`  ${style.yellow(`cannot be built yet: ${preview.problem.message}`)}`);
    if (preview.unresolved.length > 0) lines.push(`  ${style.dim(`left out, no value before the run: ${preview.unresolved.join(', ')}`)}`);
    lines.push('');
  }
  if (previews.length === 0) lines.push('No workflow step sends a request first (nothing to preview).', '');
  lines.push(style.dim('Dry run: nothing was sent.'));
  return `${redactor.text(lines.join('\n'))}\n`;
}
