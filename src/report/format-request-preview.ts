/** `--dry-run` output: the first request of each workflow, as text or JSON, masked. */
import type { RequestPreview } from '../engine/preview-first-request.js';
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
      ...(p.problem ? { problem: { code: p.problem.code, message: redactor.text(p.problem.message) } } : {}),
      unresolved: p.unresolved,
    })),
  };
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
    if (preview.problem) lines.push(`  ${style.yellow(`cannot be built yet: ${preview.problem.message}`)}`);
    if (preview.unresolved.length > 0) lines.push(`  ${style.dim(`left out, no value before the run: ${preview.unresolved.join(', ')}`)}`);
    lines.push('');
  }
  if (previews.length === 0) lines.push('No workflow step sends a request first (nothing to preview).', '');
  lines.push(style.dim('Dry run: nothing was sent.'));
  return `${redactor.text(lines.join('\n'))}\n`;
}
