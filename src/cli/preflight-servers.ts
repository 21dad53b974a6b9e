/** Every server URL a run may need is resolved before the first request; a problem is exit 2. */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveServerUrl } from '../engine/resolve-server-url.js';
import type { WorkflowPlan } from '../plan/plan.js';

export function preflightServers(
  workflows: readonly WorkflowPlan[],
  servers: Readonly<Record<string, string>>,
  variables: Readonly<Record<string, string>>,
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
  return diagnostics;
}

export function checkServerNames(servers: Readonly<Record<string, string>>, known: readonly string[]): string | undefined {
  const unknown = Object.keys(servers).filter((name) => !known.includes(name));
  return unknown.length > 0 ? `--server names ${unknown.join(', ')}, which is not a source description (known: ${known.join(', ')})` : undefined;
}
