/** `arazzo run --dry-run`: everything `run` checks, then the first request (or message) of each workflow; nothing is sent. */
import type { AsyncChannel } from '../plan/async-channel.js';
import { previewFirstRequests } from '../engine/preview-first-request.js';
import type { LoadedPlan } from '../load/load-plan.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { formatPreviews, previewToJson } from '../report/format-request-preview.js';
import type { Redactor } from '../report/redact.js';
import type { TextStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import type { RunSettings } from './run-flags.js';

export function printDryRun(
  loaded: LoadedPlan,
  workflow: WorkflowPlan,
  inputs: Record<string, unknown>,
  context: { io: CliIo; settings: RunSettings; redactor: Redactor; style: TextStyle; json: boolean; channels: ReadonlyMap<string, AsyncChannel> },
): number {
  const { io, settings, redactor } = context;
  const previews = previewFirstRequests(loaded.plan, workflow.ref, inputs, { servers: settings.servers, serverVariables: settings.serverVariables, channels: context.channels });
  // Header values are learned first, so a credential echoed in a URL or body is masked too.
  for (const preview of previews) {
    if (preview.request) redactor.learnHeaders(preview.request.headers);
    if (preview.message) redactor.learnHeaders(Object.entries(preview.message.headers));
  }
  if (context.json) io.stdout.write(`${JSON.stringify(previewToJson(previews, workflow.workflowId, redactor), null, 2)}\n`);
  else io.stdout.write(formatPreviews(previews, context.style, redactor));
  return EXIT.ok;
}
