/**
 * `arazzo resume run.json`: continues a run written down by `run --state-file` where it stopped.
 * Refused (exit 2, nothing sent) when the file is not a state file, the run already ended, a
 * document changed since (the plan would not be the one the state points into), or a secret input
 * is not given again. Settings and report targets are the original run's; transport flags (proxy,
 * client certificate, CAs, signing) and credentials are given again, as for run.
 */
import path from 'node:path';
import { makeDiagnostic, type Code } from '../diagnostics/diagnostic.js';
import { setOwn } from '../document/set-own.js';
import { gatherInputs } from '../inputs/gather-inputs.js';
import { loadPlan, type LoadedPlan } from './load-plan.js';
import { createRedactor } from '../report/redact.js';
import { chooseStyle } from '../report/style-text.js';
import { readAuthOptions } from './auth-options.js';
import { createDispatcher, withSourceDispatcher } from '../http/create-dispatcher.js';
import { readSignOptions } from './sign-options.js';
import { checkTransportSources, readTransport } from './transport-options.js';
import type { CliIo } from './cli-io.js';
import { executeRun } from './execute-run.js';
import { resolveAsyncSteps } from './async-steps.js';
import { reachableWorkflows } from './select-workflow.js';
import { locateDiagnostics } from '../load/load-plan.js';
import { reportInvalid, type InvalidContext } from './report-invalid.js';
import type { RunFlags } from './run-flags.js';
import { changedDocument, readStateFile } from './state-file.js';
import { revealSecrets } from './state-secrets.js';

interface ResumeFlags {
  input?: string[];
  auth?: string[];
  inputs?: string[];
  json?: boolean;
  color?: boolean;
  verbose?: boolean;
  mask?: boolean;
  resendInFlight?: boolean;
  insecure?: boolean;
  proxy?: string;
  cert?: string[];
  key?: string[];
  ca?: string[];
  sign?: string[];
}

export async function resumeCommand(stateArg: string, raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const flags = raw as ResumeFlags;
  const style = chooseStyle(io.stderr, io.env, flags.color === false ? false : undefined);
  const masking = flags.mask !== false;
  const statePath = path.resolve(io.cwd, stateArg);
  const invalid: InvalidContext = { io, file: statePath, style, redactor: createRedactor([], masking), json: flags.json === true, reports: {} };
  const refuse = (code: Code, message: string, hint: string, file = statePath): Promise<number> =>
    reportInvalid([makeDiagnostic(code, 'error', message, { hint, file })], invalid);

  const read = await readStateFile(statePath);
  if (!read.ok) return refuse('state-file-invalid', read.message, read.hint ?? 'Pass a file written by arazzo run --state-file.');
  const saved = read.content;
  invalid.reports = saved.settings.reports;
  if (saved.state.result && io.host?.reportEnded !== true) {
    return refuse('state-file-finished', `the run in ${stateArg} already ended (${saved.state.result.status}); there is nothing to resume`, 'Start a new run with arazzo run.');
  }
  // A host that keeps plans by path (the queue worker) vouches that its documents never change under it.
  const changed = io.host?.loadPlan ? undefined : await changedDocument(saved.documents);
  if (changed) {
    return refuse('state-document-changed', `${changed} changed since the run started, so the run cannot continue from ${stateArg}`, 'Restore the document as it was, or start a new run with arazzo run.', changed);
  }
  // Transport settings and signers hold key paths and credentials: never written down, given again.
  const settings = { ...saved.settings, insecure: saved.settings.insecure || flags.insecure === true };
  const transport = readTransport({ cert: flags.cert ?? [], key: flags.key ?? [], ca: flags.ca ?? [], insecure: settings.insecure, ...(flags.proxy !== undefined ? { proxy: flags.proxy } : {}) }, io.env, io.cwd);
  const load = (): Promise<LoadedPlan> => {
    const sourceDispatcher = createDispatcher(transport.sources);
    return withSourceDispatcher(sourceDispatcher, () => loadPlan(saved.file)).finally(() => sourceDispatcher.close());
  };
  const loaded = await (io.host?.loadPlan ? io.host.loadPlan(saved.file, load) : load());
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return reportInvalid(errors, invalid);
  const workflow = loaded.plan.documents.get(loaded.plan.rootKey)?.workflows.get(saved.workflowId);
  if (!workflow) return refuse('state-file-invalid', `workflow ${saved.workflowId} is not in ${saved.file}`, 'Start a new run with arazzo run.');
  const asyncSteps = resolveAsyncSteps(reachableWorkflows(loaded.plan, workflow.ref), loaded.workspace, settings.servers, settings.serverVariables);
  if (asyncSteps.diagnostics.length > 0) return reportInvalid(locateDiagnostics(asyncSteps.diagnostics, loaded.workspace), invalid);

  // Secret inputs were never written down: they are gathered again, from the same sources as for run.
  const gathered = await gatherInputs(
    { workflowId: workflow.workflowId, schema: workflow.inputsSchema, file: workflow.ref.documentKey, pointer: workflow.pointer },
    { files: flags.inputs ?? [], pairs: flags.input ?? [], env: io.env, cwd: io.cwd, ...(io.readStdin ? { readStdin: io.readStdin } : {}) },
  );
  const secrets: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const name of saved.secretInputs) {
    const value = gathered.ok && Object.hasOwn(gathered.inputs, name) ? gathered.inputs[name] : gathered.provided[name];
    if (Object.hasOwn(gathered.provided, name)) setOwn(secrets, name, value);
    else missing.push(name);
  }
  if (missing.length > 0) {
    const list = missing.join(', ');
    return refuse('state-secret-missing', `resuming needs the secret input${missing.length === 1 ? '' : 's'} ${list} again (secrets are never written to the state file)`, `Give ${missing.map((n) => `--input ${n}=…`).join(' ')} (or ARAZZO_INPUT_<name>).`);
  }
  const secretValues = Object.entries(secrets).flatMap(([name, value]) => (typeof value === 'string' || typeof value === 'number' ? [[name, value] as const] : []));
  // Credentials (--auth, ARAZZO_AUTH_*) are never written down either: given again like secret inputs.
  const auth = readAuthOptions(flags.auth ?? [], io.env, loaded.workspace);
  const sourceNames = [...loaded.workspace.documents.values()].flatMap((d) => d.sources.map((s) => s.name));
  checkTransportSources(transport, sourceNames);
  const signing = readSignOptions(flags.sign ?? [], io.env, sourceNames);
  const redactor = createRedactor([...secretValues.map(([, value]) => String(value)), ...auth.secrets, ...signing.secrets], masking);
  if (saved.secretsMasked) io.stderr.write(`${style.yellow('warning')}: the state file holds values the run learned as secrets (masked as ***); steps that use them may fail after resuming\n`);

  const runFlags: RunFlags = {
    input: [], inputs: [], server: [], serverVariable: [], report: [], auth: [], cert: [], key: [], ca: [], sign: [],
    ...(flags.json ? { json: true } : {}),
    ...(flags.color === false ? { color: false } : {}),
    ...(flags.verbose ? { verbose: true } : {}),
    ...(flags.mask === false ? { mask: false } : {}),
    ...(flags.resendInFlight ? { resendInFlight: true } : {}),
  };
  // A queue worker's run going on after its own wait (a delayed job) was not interrupted: that is
  // no resume to list, and a run that polls for hours would otherwise grow a line per poll.
  const continued = io.host?.park !== undefined && saved.state.waitUntil !== undefined;
  const header = { ...saved, resumedAt: continued ? saved.resumedAt : [...saved.resumedAt, new Date().toISOString()] };
  const { state: _state, journal, savedAt: _savedAt, secretsMasked: _masked, ...kept } = header;
  return executeRun({
    io,
    file: saved.file,
    loaded,
    workflow,
    inputs: {},
    flags: runFlags,
    settings,
    redactor,
    style,
    credentials: auth.credentials,
    transport,
    signers: signing.signers,
    channels: asyncSteps.channels,
    stateFile: { path: statePath, header: kept, secrets: secretValues },
    resume: { state: revealSecrets(saved.state, secrets), journal },
  });
}
