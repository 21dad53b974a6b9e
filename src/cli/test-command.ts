/**
 * `arazzo test [files or folders…]` (issue 16): each scenario runs its workflow through the CLI's
 * own run path (in this process, `--json`) against a loopback server that gives the scripted
 * responses (scenario/scripted-server.ts), then the result is compared with the scenario's expect.
 * Exit 0 when every scenario passes, 1 when one fails, 2 when a scenario or its document is bad
 * (then nothing runs).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import { compareResult } from '../scenario/compare-result.js';
import { readScenario, type Scenario } from '../scenario/read-scenario.js';
import { expectedRequests as resolveExpectedRequests, scenarioRoutes } from '../scenario/scenario-routes.js';
import { compareRequests, type ExpectedRequests } from '../scenario/compare-requests.js';
import { startScriptedServer, type Route } from '../scenario/scripted-server.js';
import { scenariosJunit, scenariosTap, type ScenarioOutcome } from '../scenario/scenario-reports.js';
import { formatAnnotation } from '../report/github-actions.js';
import { inGitHubActions, toPlace } from './github-place.js';
import { writeAll } from './publish-run.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { loadPlan } from './load-plan.js';
import { UsageError } from './parse-cli-values.js';
import { reachableWorkflows, selectWorkflow } from './select-workflow.js';

type RunCli = (argv: readonly string[], io: CliIo) => Promise<number>;

interface Prepared {
  scenario: Scenario;
  workflow: WorkflowPlan;
  routes: Route[];
  sources: string[];
  expectedRequests: ExpectedRequests[];
}

type Outcome = ScenarioOutcome & { result?: Record<string, unknown> };

type ReportKind = 'junit' | 'tap' | 'json';

/** `--report junit=path`, `tap=path`, `json=path`: checked before any scenario runs. */
function readReports(values: readonly string[]): Array<[ReportKind, string]> {
  return values.map((value) => {
    const match = /^(junit|tap|json)=(.+)$/.exec(value);
    if (!match) throw new UsageError(`--report ${value} is not kind=path`, 'Use junit=<path>, tap=<path> or json=<path>.');
    return [match[1] as ReportKind, match[2]!];
  });
}

export async function testCommand(given: string[], raw: Record<string, unknown>, io: CliIo, runCli: RunCli): Promise<number> {
  const style = chooseStyle(io.stdout, io.env, raw.color === false ? false : undefined);
  const errStyle = chooseStyle(io.stderr, io.env, raw.color === false ? false : undefined);
  const reports = readReports((raw.report as string[] | undefined) ?? []);
  const format = String(raw.format ?? (raw.json === true ? 'json' : 'human'));
  if (!['human', 'json', 'tap'].includes(format)) throw new UsageError(`--format ${format} is not human, json or tap`);
  const files = await scenarioFiles(given.length > 0 ? given : ['.'], io.cwd);
  if (files.length === 0) throw new UsageError(`no scenario files (*.scenario.yaml) in ${given.join(', ') || '.'}`, 'Name scenario files or folders holding *.scenario.yaml files.');
  const prepared: Prepared[] = [];
  const problems: Diagnostic[] = [];
  for (const file of files) {
    const read = await prepare(file);
    if (read.ok) prepared.push(read.prepared);
    else problems.push(...read.diagnostics);
  }
  if (problems.length > 0) {
    for (const d of problems) io.stderr.write(`${formatDiagnostic(d, errStyle, io.cwd)}\n`);
    io.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the scenarios; nothing was run\n`);
    return EXIT.invalid;
  }
  const outcomes: Outcome[] = [];
  for (const item of prepared) {
    const outcome = await runScenario(item, io, runCli);
    outcomes.push(outcome);
    if (format === 'human') io.stdout.write(`${describeOutcome(outcome, style, io.cwd)}\n`);
    if (!outcome.passed && inGitHubActions(io)) {
      io.stderr.write(`${formatAnnotation('error', [...outcome.unscripted.map((r) => `no scripted response for ${r}`), ...outcome.differences].join('\n'), { ...toPlace({ file: outcome.file, line: 1 }, io), title: `scenario failed: ${outcome.name}` })}\n`);
    }
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  const json = () => `${JSON.stringify({ passed: outcomes.length - failed, failed, scenarios: outcomes.map(({ result: _r, ...o }) => ({ ...o, file: path.relative(io.cwd, o.file) })) }, null, 2)}\n`;
  const timestamp = new Date().toISOString();
  const render: Record<ReportKind, () => string> = { json, tap: () => scenariosTap(outcomes, io.cwd), junit: () => scenariosJunit(outcomes, io.cwd, timestamp) };
  if (format === 'json') io.stdout.write(json());
  else if (format === 'tap') io.stdout.write(render.tap());
  else io.stdout.write(`${failed === 0 ? style.green(`${outcomes.length} passed`) : style.red(`${outcomes.length - failed} passed, ${failed} failed`)}\n`);
  const written = await writeAll(reports.map(([kind, target]) => [target, render[kind]]), io);
  return failed === 0 && written ? EXIT.ok : EXIT.failed;
}

async function scenarioFiles(given: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (target: string, depth: number): Promise<void> => {
    const info = await stat(target).catch(() => undefined);
    if (!info) throw new UsageError(`${path.relative(cwd, target) || target} does not exist`, 'Name scenario files or folders.');
    if (info.isFile()) {
      found.push(target);
      return;
    }
    if (depth > 16) return;
    for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) await walk(full, depth + 1);
      else if (/\.scenario\.ya?ml$/i.test(entry.name)) found.push(full);
    }
  };
  for (const item of given) await walk(path.resolve(cwd, item), 0);
  return found;
}

async function prepare(file: string): Promise<{ ok: true; prepared: Prepared } | { ok: false; diagnostics: Diagnostic[] }> {
  const read = await readScenario(file);
  if (!read.ok) return read;
  const scenario = read.scenario;
  const loaded = await loadPlan(scenario.workflow);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  let workflow: WorkflowPlan;
  try {
    workflow = selectWorkflow(loaded.plan, scenario.workflowId);
  } catch (error) {
    return { ok: false, diagnostics: [makeDiagnostic('scenario-invalid', 'error', `${(error as Error).message} (${scenario.workflow})`, { file, hint: 'Name it with workflowId: in the scenario.' })] };
  }
  const steps = reachableWorkflows(loaded.plan, workflow.ref).flatMap((w) => w.steps);
  const { routes, problems } = scenarioRoutes(scenario, steps, workflow.workflowId);
  const { expectations: expectedRequests, problems: unnamed } = resolveExpectedRequests(scenario, steps, workflow.workflowId);
  const diagnostics = [...problems, ...unnamed];
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const root = loaded.plan.documents.get(loaded.plan.rootKey);
  const sources = Object.values(root?.sourceDescriptions ?? {}).filter((s) => s.type !== 'arazzo').map((s) => s.name);
  return { ok: true, prepared: { scenario, workflow, routes: [...routes.values()], sources, expectedRequests } };
}

async function runScenario(item: Prepared, io: CliIo, runCli: RunCli): Promise<Outcome> {
  const started = performance.now();
  const server = await startScriptedServer(item.routes);
  let stdout = '';
  let stderr = '';
  try {
    const runIo: CliIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: io.env,
      cwd: io.cwd,
      readStdin: async () => JSON.stringify(item.scenario.inputs),
    };
    const servers = item.sources.flatMap((name) => ['--server', `${name}=${server.url}`]);
    await runCli(['run', item.scenario.workflow, '--workflow', item.workflow.workflowId, '--json', '--inputs', '-', '--poll-interval', '0', ...servers], runIo);
  } finally {
    await server.close();
  }
  let result: Record<string, unknown> | undefined;
  try {
    result = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    result = undefined;
  }
  const invalid = server.invalid.map((request) => `a request breaks the OpenAPI description (the run got 400): ${request}`);
  const differences = [
    ...invalid,
    ...(result ? compareResult(item.scenario.expect, result) : [`the run printed no result:\n      ${stderr.trim().split('\n').join('\n      ')}`]),
    ...compareRequests(item.expectedRequests, server.received),
  ];
  const unscripted = [...new Set(server.unscripted)];
  const seconds = Math.round(performance.now() - started) / 1000;
  return { name: item.scenario.name, file: item.scenario.file, passed: differences.length === 0 && unscripted.length === 0, differences, unscripted, seconds, ...(result ? { result } : {}) };
}

function describeOutcome(outcome: Outcome, style: ReturnType<typeof chooseStyle>, cwd: string): string {
  const head = `${outcome.passed ? style.green('✓') : style.red('✗')} ${outcome.name} ${style.dim(`(${path.relative(cwd, outcome.file)})`)}`;
  const lines = [
    ...outcome.unscripted.map((request) => `    no scripted response for ${request} (the run got 501)`),
    ...outcome.differences.map((difference) => `    ${difference}`),
  ];
  return [head, ...lines].join('\n');
}
