/**
 * `arazzo run`: read → check → compile → gather and validate inputs → pre-flight servers →
 * (--dry-run: preview) → run → report. Any problem before the run is exit 2 with nothing sent.
 * Several files or --all: every run is checked first, then they run one after another (run-many).
 */
import path from 'node:path';
import { hasErrors, makeDiagnostic } from '../diagnostics/diagnostic.js';
import { gatherInputs } from '../inputs/gather-inputs.js';
import { locateDiagnostics, type LoadedPlan } from '../load/load-plan.js';
import { loadPlan } from './load-plan.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { formatDiagnostic } from '../report/format-diagnostic.js';
import { createRedactor, isSecretInput, secretInputValues } from '../report/redact.js';
import { isObject, ownField } from '../document/model.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { readAuthOptions } from './auth-options.js';
import { readSignOptions } from './sign-options.js';
import { createDispatcher, withSourceDispatcher } from '../http/create-dispatcher.js';
import { checkTransportSources, readTransport } from './transport-options.js';
import { printDryRun } from './dry-run.js';
import { executeRun, type ExecuteContext } from './execute-run.js';
import { checkFailOnEnd } from './fail-on-end.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import { assignUnnamedServer, checkServerNames, preflightServers } from './preflight-servers.js';
import { resolveAsyncSteps } from './async-steps.js';
import { hintSecretInputs, promptMissingSecrets } from './secret-input-hint.js';
import { UsageError } from './parse-cli-values.js';
import { reportInvalid, type InvalidContext } from './report-invalid.js';
import { checkReportTargets, readRunFlags, type ReportTargets, type RunFlags, type RunSettings } from './run-flags.js';
import { reachableWorkflows, selectWorkflow } from './select-workflow.js';
import { readSourceFlags, unknownSourceNames } from './source-flags.js';
import { secretInputsOf, stateFileHeader } from './state-file-header.js';

export async function runCommand(files: readonly string[], raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const { flags, settings } = readRunFlags(raw);
  await checkReportTargets(settings.reports, io.cwd);
  if (files.length > 1 || flags.all) {
    if (flags.stateFile !== undefined) throw new UsageError('--state-file writes one run down; it cannot be used with several files or --all', 'Run each file on its own with its own --state-file.');
    if (flags.record !== undefined) throw new UsageError('--record writes one run as a scenario; it cannot be used with several files or --all', 'Record each workflow on its own.');
    const { runMany } = await import('./run-many.js');
    return runMany(files, flags, settings, io);
  }
  const file = files[0]!;
  const loaded = await loadRunFile(file, flags, settings.reports, io);
  if (typeof loaded === 'number') return loaded;
  const workflow = selectWorkflow(loaded.plan, flags.workflow);
  checkFailOnEnd(settings.failOnEnd, [workflow]);
  const start = await prepareRun({ file, loaded, workflow, flags, settings, io });
  return typeof start === 'number' ? start : start();
}

const invalidContext = (file: string, flags: RunFlags, reports: ReportTargets, io: CliIo): InvalidContext => ({
  io,
  file,
  style: chooseStyle(io.stderr, io.env, flags.color === false ? false : undefined),
  redactor: createRedactor([], flags.mask !== false),
  json: flags.json === true,
  reports,
});

/** Read, check and compile one file under the --rule settings; exit 2 when it has errors. */
export async function loadRunFile(file: string, flags: RunFlags, reports: ReportTargets, io: CliIo): Promise<LoadedPlan | number> {
  const transport = readTransport({ ...flags, insecure: flags.insecure === true }, io.env, io.cwd);
  const sourceDispatcher = createDispatcher(transport.sources);
  const rules = parseRuleSettings(flags.rule ?? []);
  const sourceOptions = readSourceFlags(flags as unknown as Record<string, unknown>);
  const loaded = await withSourceDispatcher(sourceDispatcher, () => loadPlan(file, { rules, ...sourceOptions })).finally(() => sourceDispatcher.close());
  const unknownSource = unknownSourceNames(loaded.plan, sourceOptions);
  if (unknownSource) return reportInvalid([makeDiagnostic('source-not-found', 'error', unknownSource, { hint: 'Use a sourceDescriptions name.' })], invalidContext(file, flags, reports, io));
  if (hasErrors(loaded.diagnostics)) return reportInvalid(loaded.diagnostics.filter((d) => d.severity === 'error'), invalidContext(file, flags, reports, io));
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning').length;
  const style = chooseStyle(io.stderr, io.env, flags.color === false ? false : undefined);
  if (warnings > 0 && !flags.json) io.stderr.write(`${style.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`)} in the document (run "arazzo lint ${file}" for details)\n`);
  return loaded;
}

export interface RunTarget {
  file: string;
  loaded: LoadedPlan;
  workflow: WorkflowPlan;
  flags: RunFlags;
  settings: RunSettings;
  io: CliIo;
  /** Hears the inputs once they are gathered and valid (arazzo submit enqueues them). */
  validated?: (inputs: Record<string, unknown>) => void;
  /**
   * arazzo submit: the workers supply the secret inputs (ARAZZO_INPUT_<NAME> in their environment),
   * so a secret input missing here is not an error and is not prompted for; any other input is checked.
   */
  secretsOnWorker?: boolean;
}

/** The inputs schema with the secret inputs left out of `required` (their values come later, from a worker). */
function secretsNotRequired(schema: unknown): unknown {
  const required = isObject(schema) ? ownField(schema, 'required') : undefined;
  if (!isObject(schema) || !Array.isArray(required)) return schema;
  return { ...schema, required: required.filter((name) => typeof name !== 'string' || !isSecretInput(schema, name)) };
}

/** Everything checked before sending: exit 2, or the function that runs (or previews) the workflow. */
export async function prepareRun(target: RunTarget): Promise<number | (() => Promise<number>)> {
  const { file, loaded, workflow, flags, settings, io } = target;
  const forced = flags.color === false ? false : undefined;
  const style = chooseStyle(io.stderr, io.env, forced);
  const invalid = invalidContext(file, flags, settings.reports, io);
  const rootDocument = loaded.plan.documents.get(loaded.plan.rootKey)!;
  const unnamedServer = assignUnnamedServer(settings.servers, settings.unnamedServer, rootDocument.sourceDescriptions);
  if (unnamedServer) return reportInvalid([unnamedServer], invalid);
  const unknownServer = checkServerNames(settings.servers, Object.keys(rootDocument.sourceDescriptions));
  if (unknownServer) return reportInvalid([makeDiagnostic('server-unknown-source', 'error', unknownServer, { hint: 'Use a sourceDescriptions name.' })], invalid);

  const auth = readAuthOptions(flags.auth, io.env, loaded.workspace);
  const transport = readTransport({ ...flags, insecure: settings.insecure }, io.env, io.cwd);
  const sourceNames = [...loaded.workspace.documents.values()].flatMap((d) => d.sources.map((s) => s.name));
  checkTransportSources(transport, sourceNames);
  const signing = readSignOptions(flags.sign, io.env, sourceNames);
  const schema = target.secretsOnWorker ? secretsNotRequired(workflow.inputsSchema) : workflow.inputsSchema;
  const inputTarget = { workflowId: workflow.workflowId, schema, file: workflow.ref.documentKey, pointer: workflow.pointer };
  const inputSources = { files: flags.inputs, pairs: flags.input, env: io.env, cwd: io.cwd, ...(io.readStdin ? { readStdin: io.readStdin } : {}) };
  const stdinUsed = flags.inputs.includes('-') || flags.input.some((pair) => pair.endsWith('=-'));
  const given = await gatherInputs(inputTarget, inputSources);
  const gathered = target.secretsOnWorker ? given : await promptMissingSecrets(given, inputTarget, io, stdinUsed, (env) => gatherInputs(inputTarget, { ...inputSources, env }));
  // Secret inputs are known from here on, also when they are part of the problem being reported.
  const redactor = createRedactor([...secretInputValues(workflow.inputsSchema, gathered.provided), ...auth.secrets, ...signing.secrets], flags.mask !== false);
  invalid.redactor = redactor;
  if (!gathered.ok) return reportInvalid(locateDiagnostics(hintSecretInputs(gathered.diagnostics, workflow.inputsSchema), loaded.workspace), invalid);
  for (const warning of locateDiagnostics(gathered.warnings, loaded.workspace)) io.stderr.write(`${redactor.text(formatDiagnostic(warning, style, io.cwd))}\n`);

  const reachable = reachableWorkflows(loaded.plan, workflow.ref);
  const asyncSteps = resolveAsyncSteps(reachable, loaded.workspace, settings.servers, settings.serverVariables);
  const asyncVariables = [...asyncSteps.channels.values()].flatMap((channel) => channel.serverVariables ?? []);
  const preflight = [...asyncSteps.diagnostics, ...preflightServers(reachable, settings.servers, settings.serverVariables, asyncVariables)];
  if (preflight.length > 0) return reportInvalid(locateDiagnostics(preflight, loaded.workspace), invalid);
  target.validated?.(gathered.inputs);

  if (flags.dryRun) {
    const stdoutStyle = chooseStyle(io.stdout, io.env, forced);
    return async () => printDryRun(loaded, workflow, gathered.inputs, { io, settings, redactor, style: stdoutStyle, json: flags.json === true, channels: asyncSteps.channels });
  }
  let stateFile: ExecuteContext['stateFile'];
  if (flags.stateFile !== undefined) {
    const secrets = secretInputsOf(workflow.inputsSchema, gathered.inputs);
    const header = await stateFileHeader(loaded, file, workflow.workflowId, settings, io.cwd);
    stateFile = { path: path.resolve(io.cwd, flags.stateFile), header: { ...header, secretInputs: secrets.map(([name]) => name) }, secrets };
  }
  return () => executeRun({ io, file, loaded, workflow, inputs: gathered.inputs, flags, settings, redactor, style, credentials: auth.credentials, transport, signers: signing.signers, channels: asyncSteps.channels, ...(stateFile ? { stateFile } : {}) });
}
