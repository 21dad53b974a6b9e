/** Every server URL a run may need is resolved before the first request; a problem is exit 2. */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveServerUrl } from '../engine/resolve-server-url.js';
import type { SourceDescriptionView } from '../expressions/scope.js';
import { serverVariableNames } from '../plan/server-variables.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { suggest } from '../plan/resolve-references.js';

/** `asyncVariables`: the server variables of the run's AsyncAPI channels (they can be given too). */
export function preflightServers(
  workflows: readonly WorkflowPlan[],
  servers: Readonly<Record<string, string>>,
  variables: Readonly<Record<string, string>>,
  asyncVariables: readonly string[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const workflow of workflows) {
    for (const step of workflow.steps) {
      if (step.target.kind !== 'operation') continue;
      const { operation, source } = step.target;
      const key = `${source.name}|${operation.servers.map((s) => s.url).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const override = servers[source.name];
      const result = resolveServerUrl({ servers: operation.servers, sourceUrl: source.url, ...(override ? { override } : {}), variables });
      if (!result.ok) {
        diagnostics.push(makeDiagnostic(result.problem.code, 'error', `Source "${source.name}": ${result.problem.message}`, {
          file: workflow.ref.documentKey,
          pointer: step.pointer,
          ...(result.problem.hint ? { hint: result.problem.hint } : {}),
        }));
      }
    }
  }
  return [...unknownVariables(Object.keys(variables), [...new Set([...serverVariablesOf(workflows), ...asyncVariables])].sort()), ...diagnostics];
}

/** The server URL variables the workflows' operations can take (their first server's). */
export function serverVariablesOf(workflows: readonly WorkflowPlan[]): string[] {
  const known = new Set<string>();
  for (const workflow of workflows) {
    for (const step of workflow.steps) {
      if (step.target.kind === 'operation' && step.target.operation.servers[0]) for (const name of serverVariableNames(step.target.operation.servers[0])) known.add(name);
    }
  }
  return [...known].sort();
}

/** A mistyped variable would otherwise be ignored and the request sent to the default region. */
function unknownVariables(given: readonly string[], known: readonly string[]): Diagnostic[] {
  return given.filter((name) => !known.includes(name)).map((name) => {
    const hint = known.length === 0 ? 'No server URL of this run has variables.' : suggest(name, known) ?? `Known: ${known.join(', ')}.`;
    return makeDiagnostic('server-variable-unknown', 'error', `--server-variable ${name}: no server URL of this run has a variable "${name}" (known: ${known.join(', ') || 'none'})`, { hint });
  });
}


export function checkServerNames(servers: Readonly<Record<string, string>>, known: readonly string[]): string | undefined {
  const unknown = Object.keys(servers).filter((name) => !known.includes(name));
  return unknown.length > 0 ? `--server names ${unknown.join(', ')}, which is not a source description (known: ${known.join(', ')})` : undefined;
}

/**
 * `--server URL` without `name=` applies to the root document's only OpenAPI source (issue 10
 * item 3); with none or several, or when that source is also named, it is a usage error.
 */
export function assignUnnamedServer(
  servers: Record<string, string>,
  unnamed: string | undefined,
  sources: Readonly<Record<string, SourceDescriptionView>>,
): Diagnostic | undefined {
  if (unnamed === undefined) return undefined;
  const openapi = Object.values(sources).filter((source) => source.type !== 'arazzo').map((source) => source.name);
  const only = openapi.length === 1 ? openapi[0]! : undefined;
  if (only === undefined) {
    const message = openapi.length === 0
      ? `--server ${unnamed} names no source, and the document has no OpenAPI source description`
      : `--server ${unnamed} names no source, and the document has ${openapi.length} OpenAPI sources: ${openapi.join(', ')}`;
    return makeDiagnostic('server-source-ambiguous', 'error', message, { hint: `Write --server <source>=${unnamed} with one of: ${openapi.join(', ') || '(none)'}.` });
  }
  if (Object.hasOwn(servers, only)) {
    return makeDiagnostic('server-source-ambiguous', 'error', `--server ${unnamed} and --server ${only}=${servers[only]} both set the server of "${only}"`, { hint: 'Give one of them.' });
  }
  servers[only] = unnamed;
  return undefined;
}
