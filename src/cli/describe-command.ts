/**
 * `arazzo describe <file>` (alias `list`): the workflows with their inputs, steps and outputs, so
 * a user sees what to pass. The document is described even when lint would report problems; only
 * a file that cannot be read or has no workflows is exit 2.
 */
import { decodePointer } from '../document/parse-yaml.js';
import { resolvePointer } from '../expressions/json-pointer.js';
import { loadPlan } from '../load/load-plan.js';
import { describeWorkflow, formatDocumentDescription } from '../report/describe-document.js';
import { diagnosticToJson, displayPath, formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

export async function describeCommand(file: string, options: Record<string, unknown>, io: CliIo): Promise<number> {
  const style = chooseStyle(io.stdout, io.env, options.color === false ? false : undefined);
  const errorStyle = chooseStyle(io.stderr, io.env, options.color === false ? false : undefined);
  const loaded = await loadPlan(file);
  const document = loaded.plan.documents.get(loaded.plan.rootKey);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!document || document.workflows.size === 0) {
    for (const d of errors) io.stderr.write(`${formatDiagnostic(d, errorStyle, io.cwd)}\n`);
    io.stderr.write(`error: ${displayPath(file, io.cwd)} has no workflows to describe\n`);
    if (options.json) io.stdout.write(`${JSON.stringify({ status: 'invalid', diagnostics: errors.map((d) => diagnosticToJson(d, io.cwd)) }, null, 2)}\n`);
    return EXIT.invalid;
  }
  const raw = loaded.workspace.documents.get(document.key)?.parsed.value;
  const readRaw = (pointer: string): unknown => {
    const found = resolvePointer(raw, decodePointer(pointer));
    return found.found ? found.value : undefined;
  };
  const workflows = [...document.workflows.values()].map((w) => describeWorkflow(w, readRaw));
  const shown = displayPath(file, io.cwd);
  if (options.json) {
    const sources = Object.values(document.sourceDescriptions).map((s) => ({ name: s.name, url: s.url, type: s.type ?? null }));
    io.stdout.write(`${JSON.stringify({ file: shown, arazzo: document.arazzo, title: document.title ?? null, sourceDescriptions: sources, workflows, errors: errors.length }, null, 2)}\n`);
  } else {
    io.stdout.write(formatDocumentDescription(shown, document, workflows, style));
    if (errors.length > 0) io.stderr.write(`${errorStyle.yellow(`${errors.length} error${errors.length === 1 ? '' : 's'}`)} in the document: it cannot run until they are fixed (arazzo lint ${shown})\n`);
  }
  return EXIT.ok;
}
