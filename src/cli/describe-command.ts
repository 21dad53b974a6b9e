/**
 * `arazzo describe <file>` (alias `list`): the workflows with their inputs, steps and outputs, so
 * a user sees what to pass. A document with errors is described as far as it can be (a workflow
 * the plan could not compile is read as written) and its errors are listed on stderr; only a
 * file that cannot be read or has no workflows at all is exit 2.
 */
import { decodePointer } from '../document/parse-yaml.js';
import { resolvePointer } from '../expressions/json-pointer.js';
import { describeWorkflow, formatDocumentDescription, type WorkflowDescription } from '../report/describe-document.js';
import { describeRawHeader, describeRawWorkflows } from '../report/describe-raw-workflows.js';
import { diagnosticToJson, displayPath, formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { loadPlanWithEnvProxy } from './load-with-env-proxy.js';
import { readSourceFlags } from './source-flags.js';

export async function describeCommand(file: string, options: Record<string, unknown>, io: CliIo): Promise<number> {
  const style = chooseStyle(io.stdout, io.env, options.color === false ? false : undefined);
  const errorStyle = chooseStyle(io.stderr, io.env, options.color === false ? false : undefined);
  const loaded = await loadPlanWithEnvProxy(file, readSourceFlags(options), io.env);
  const document = loaded.plan.documents.get(loaded.plan.rootKey);
  const raw = loaded.workspace.documents.get(loaded.plan.rootKey)?.parsed.value;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const header = document ?? describeRawHeader(raw);
  const readRaw = (pointer: string): unknown => {
    const found = resolvePointer(raw, decodePointer(pointer));
    return found.found ? found.value : undefined;
  };
  // The plan's description where it compiled, the document as written where it did not.
  const workflows: WorkflowDescription[] = describeRawWorkflows(raw).map((written) => {
    const compiled = document?.workflows.get(written.workflowId);
    return compiled ? describeWorkflow(compiled, readRaw) : written;
  });
  for (const d of errors) io.stderr.write(`${formatDiagnostic(d, errorStyle, io.cwd)}\n`);
  const shown = displayPath(file, io.cwd);
  if (!header || workflows.length === 0) {
    // A file that could not be read or parsed is explained by its error already.
    if (errors.length === 0) io.stderr.write(`error: ${shown} has no workflows to describe\n`);
    if (options.json) io.stdout.write(`${JSON.stringify({ status: 'invalid', diagnostics: errors.map((d) => diagnosticToJson(d, io.cwd)) }, null, 2)}\n`);
    return EXIT.invalid;
  }
  if (options.json) {
    const sources = Object.entries(header.sourceDescriptions).map(([name, s]) => ({ name, url: s.url, type: s.type ?? null }));
    const diagnostics = errors.map((d) => diagnosticToJson(d, io.cwd));
    io.stdout.write(`${JSON.stringify({ file: shown, arazzo: header.arazzo, title: header.title ?? null, sourceDescriptions: sources, workflows, errors: errors.length, diagnostics }, null, 2)}\n`);
  } else {
    io.stdout.write(formatDocumentDescription(shown, header, workflows, style));
    if (errors.length > 0) io.stderr.write(`${errorStyle.yellow(`${errors.length} error${errors.length === 1 ? '' : 's'}`)} in the document (listed above): it cannot run until they are fixed (arazzo lint ${shown})\n`);
  }
  return EXIT.ok;
}
