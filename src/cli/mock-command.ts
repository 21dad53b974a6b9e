/**
 * `arazzo mock <file> [--scenario file] [--port n]` (issue 16): serves, on 127.0.0.1, the
 * operations the document's workflows call — from a scenario's scripted responses when given
 * (an object body completed from the description's example of that response), else from the
 * description's examples or a sample of its response schema (description-examples.ts);
 * an operation with none of these answers 501. Logs each request on stderr, prints the `arazzo run` lines to paste, and runs until
 * SIGINT or SIGTERM.
 */
import path from 'node:path';
import { isObject, type JsonObject } from '../document/model.js';
import { setOwn } from '../document/set-own.js';
import { formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import { readScenario } from '../scenario/read-scenario.js';
import { exampleResponse } from '../scenario/description-examples.js';
import { routeFor, routeKey, scenarioRoutes } from '../scenario/scenario-routes.js';
import { createResourceStore } from '../scenario/resource-store.js';
import { startScriptedServer, type Route } from '../scenario/scripted-server.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { loadPlan } from './load-plan.js';
import { parseCount, UsageError } from './parse-cli-values.js';
import { reachableWorkflows } from './select-workflow.js';

export async function mockCommand(fileArg: string, raw: Record<string, unknown>, io: CliIo): Promise<number> {
  const style = chooseStyle(io.stderr, io.env, raw.color === false ? false : undefined);
  const port = raw.port === undefined ? 0 : parseCount(String(raw.port), '--port');
  if (port > 65535) throw new UsageError(`--port ${port} is not a TCP port`, 'Use 1-65535, or leave it out for any free port.');
  const file = path.resolve(io.cwd, fileArg);
  const loaded = await loadPlan(file);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const fail = (problems: typeof errors): number => {
    for (const d of problems) io.stderr.write(`${formatDiagnostic(d, style, io.cwd)}\n`);
    return EXIT.invalid;
  };
  if (errors.length > 0) return fail(errors);
  const root = loaded.plan.documents.get(loaded.plan.rootKey)!;
  const workflows = typeof raw.workflow === 'string' ? [root.workflows.get(raw.workflow)].filter((w) => w !== undefined) : [...root.workflows.values()];
  if (workflows.length === 0) throw new UsageError(`no workflow ${String(raw.workflow)} in ${fileArg}`, `Workflows: ${[...root.workflows.keys()].join(', ')}.`);
  const steps = workflows.flatMap((w) => reachableWorkflows(loaded.plan, w.ref)).flatMap((w) => w.steps);

  const routes = new Map<string, Route>();
  if (typeof raw.scenario === 'string') {
    const read = await readScenario(path.resolve(io.cwd, raw.scenario));
    if (!read.ok) return fail(read.diagnostics);
    const scripted = scenarioRoutes(read.scenario, steps, workflows.map((w) => w.workflowId).join(', '));
    if (scripted.problems.length > 0) return fail(scripted.problems);
    for (const [key, route] of scripted.routes) routes.set(key, route);
  }
  // openapi-sampler is loaded only here: the one command that generates responses.
  const { sample } = await import('openapi-sampler');
  const sampleSchema = (schema: unknown, document: unknown): unknown => sample(schema as Parameters<typeof sample>[0], { skipReadOnly: false, skipWriteOnly: true, quiet: true }, document as object);
  const indexes = new Map([...loaded.workspace.documents.values()].flatMap((d) => d.sources).flatMap((s) => (s.operations ? [[s.name, s.operations] as const] : [])));
  for (const step of steps) {
    if (step.target.kind !== 'operation') continue;
    const key = routeKey(step.target.operation);
    const index = indexes.get(step.target.source.name);
    const example = index ? exampleResponse(index, step.target.operation, sampleSchema) : undefined;
    const scripted = routes.get(key);
    // A scripted object body is laid over the description's example (or sample) of the same
    // response: what the scenario says wins, the rest makes the response whole per the description.
    if (scripted) scripted.responses = scripted.responses.map((r) => (example && r.status === example.status && isObject(r.body) && isObject(example.body) ? { ...r, body: overlay(example.body, r.body) } : r));
    else routes.set(key, routeFor(step.target, example ? [example] : [], { fallback: true }));
  }

  let server;
  try {
    server = await startScriptedServer([...routes.values()], { port, resources: createResourceStore(), onRequest: (line, status) => io.stderr.write(`${status >= 400 ? style.red(String(status)) : style.green(String(status))} ${line}\n`) });
  } catch (error) {
    throw new UsageError(`cannot listen on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'Choose another --port, or leave it out for any free port.');
  }
  const served = [...routes.values()];
  const sources = Object.values(root.sourceDescriptions).filter((s) => s.type !== 'arazzo').map((s) => `--server ${s.name}=${server.url}`);
  io.stdout.write(`${server.url}\n`);
  io.stderr.write(`arazzo mock: ${served.filter((r) => r.responses.length > 0).length} of ${served.length} operations answered (${typeof raw.scenario === 'string' ? 'scenario, then ' : ''}the description's examples and schemas) on ${server.url}; Ctrl-C stops it\n`);
  for (const route of served.filter((r) => r.responses.length === 0)) io.stderr.write(`  ${style.yellow('no response')} for ${route.method} ${route.path}: it answers 501\n`);
  io.stderr.write(`  run against it: arazzo run ${path.relative(io.cwd, file)} ${sources.join(' ')} --input …\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    if (io.signal) io.signal.addEventListener('abort', stop, { once: true });
    else {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
  await server.close();
  return EXIT.ok;
}

/** `over`'s members on top of `base`'s, objects merged member by member (arrays and values replaced). */
function overlay(base: JsonObject, over: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = Object.hasOwn(base, key) ? base[key] : undefined;
    setOwn(merged, key, isObject(value) && isObject(under) ? overlay(under, value) : value);
  }
  return merged;
}
