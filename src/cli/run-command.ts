/** `arazzo run`: read → check → compile → validate inputs → run → report. */
import { hasErrors, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { runWorkflow } from '../engine/run-workflow.js';
import type { RunResult } from '../engine/run-result.js';
import { createUndiciHttpPort } from '../http/undici-http-port.js';
import { coerceInput, propertySchema } from '../inputs/coerce-inputs.js';
import { validateInputs } from '../inputs/validate-inputs.js';
import { loadPlan, locateDiagnostics } from '../load/load-plan.js';
import { diagnosticToJson, formatDiagnostic } from '../report/format-diagnostic.js';
import { createHumanReporter } from '../report/human-run-reporter.js';
import { createRedactor, secretInputValues } from '../report/redact.js';
import { runResultToJson } from '../report/run-result-json.js';
import { chooseStyle } from '../report/style-text.js';
import { systemClock } from '../runtime/system-clock.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { parseCount, parseDuration, parsePair } from './parse-cli-values.js';
import { checkServerNames, preflightServers } from './preflight-servers.js';
import { reachableWorkflows, selectWorkflow } from './select-workflow.js';

interface RunFlags {
  workflow?: string;
  input: string[];
  server: string[];
  serverVariable: string[];
  pollInterval: string;
  maxSteps: string;
  timeout?: string;
  requestTimeout: string;
  json?: boolean;
  color?: boolean;
  verbose?: boolean;
}

export async function runCommand(file: string, raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = raw as unknown as RunFlags;
  const style = chooseStyle(io.stderr, io.env, flags.color === false ? false : undefined);
  const limits = {
    pollIntervalMs: parseDuration(flags.pollInterval, '--poll-interval'),
    maxSteps: parseCount(flags.maxSteps, '--max-steps'),
    requestTimeoutMs: parseDuration(flags.requestTimeout, '--request-timeout'),
    ...(flags.timeout !== undefined ? { timeoutMs: parseDuration(flags.timeout, '--timeout') } : {}),
  };
  const servers = Object.fromEntries(flags.server.map((s) => parsePair(s, '--server')));
  const serverVariables = Object.fromEntries(flags.serverVariable.map((s) => parsePair(s, '--server-variable')));

  const reportInvalid = (diagnostics: Diagnostic[]): number => {
    for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d, style, io.cwd)}\n`);
    if (flags.json) io.stdout.write(`${JSON.stringify({ status: 'invalid', diagnostics: diagnostics.map((d) => diagnosticToJson(d, io.cwd)) }, null, 2)}\n`);
    return EXIT.invalid;
  };

  const loaded = await loadPlan(file);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(loaded.diagnostics)) return reportInvalid(errors);
  const warnings = loaded.diagnostics.length - errors.length;
  if (warnings > 0 && !flags.json) io.stderr.write(`${style.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`)} in the document (run "arazzo lint ${file}" for details)\n`);

  const workflow = selectWorkflow(loaded.plan, flags.workflow);
  const rootDocument = loaded.plan.documents.get(loaded.plan.rootKey)!;
  const unknownServer = checkServerNames(servers, Object.keys(rootDocument.sourceDescriptions));
  if (unknownServer) return reportInvalid([makeDiagnostic('server-unknown-source', 'error', unknownServer, { hint: 'Use a sourceDescriptions name.' })]);

  const inputs = await readInputs(flags.input, workflow.inputsSchema, file);
  if (!inputs.ok) return reportInvalid(inputs.diagnostics);
  const preflight = preflightServers(reachableWorkflows(loaded.plan, workflow.ref), servers, serverVariables);
  if (preflight.length > 0) return reportInvalid(locateDiagnostics(preflight, loaded.workspace));

  const redactor = createRedactor(secretInputValues(workflow.inputsSchema, inputs.inputs));
  const reporter = createHumanReporter({ write: (t) => io.stderr.write(t), style, redactor, verbose: flags.verbose === true });
  const http = createUndiciHttpPort();
  let result: RunResult;
  try {
    result = await runWorkflow(loaded.plan, workflow.workflowId, inputs.inputs, {
      http,
      clock: systemClock,
      events: reporter.onEvent,
      ...limits,
      servers,
      serverVariables,
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    await http.close();
  }
  reporter.finish(result);
  const json = redactor.value(runResultToJson(result, io.cwd));
  io.stdout.write(`${JSON.stringify(flags.json ? json : json.outputs, null, 2)}\n`);
  return result.status === 'succeeded' ? EXIT.ok : EXIT.failed;
}

async function readInputs(pairs: readonly string[], schema: unknown, file: string): Promise<{ ok: true; inputs: Record<string, unknown> } | { ok: false; diagnostics: Diagnostic[] }> {
  const inputs: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const pair of pairs) {
    const [name, text] = parsePair(pair, '--input');
    const coerced = coerceInput(name, text, propertySchema(schema, name));
    if (coerced.ok) Object.defineProperty(inputs, name, { value: coerced.value, enumerable: true, writable: true, configurable: true });
    else diagnostics.push(makeDiagnostic(coerced.problem.code, 'error', coerced.problem.message, { file, ...(coerced.problem.hint ? { hint: coerced.problem.hint } : {}) }));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const validation = await validateInputs(schema, inputs);
  if (validation.ok) return validation;
  return { ok: false, diagnostics: validation.problems.map((p) => makeDiagnostic(p.code, 'error', p.message, { file, ...(p.hint ? { hint: p.hint } : {}) })) };
}
