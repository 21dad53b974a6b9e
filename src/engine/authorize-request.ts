/**
 * The engine's one hook for credentials (issue 13): adds what the operation's security
 * requirements, the step's x-security and --auth call for (src/auth decides, purely), fetches
 * OAuth 2.0 tokens through the TokenPort, and sends again once with a fresh token after a 401.
 */
import { chooseCredentials } from '../auth/choose-credentials.js';
import type { Credential, SecurityEntry } from '../auth/credential.js';
import { envName } from '../auth/explicit-credentials.js';
import { NOTHING } from '../auth/choose-credentials.js';
import { addCredentials } from '../auth/request-carries.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { StepPlan } from '../plan/plan.js';
import type { HttpOutcome, HttpRequest, HttpSendOptions } from './ports.js';
import type { RunContext, WorkflowFrame } from './run-context.js';

export type Authorized =
  | { ok: true; request: HttpRequest; grants: (Credential & { kind: 'grant' })[] }
  | { ok: false; reason: string };

export async function authorizeRequest(run: RunContext, frame: WorkflowFrame, step: StepPlan, request: HttpRequest, scope: ExpressionScope): Promise<Authorized> {
  if (step.target.kind !== 'operation') return { ok: true, request, grants: [] };
  const { operation, source } = step.target;
  // The source picks the transport's TLS settings (mTLS per source).
  request = { ...request, source: source.name };
  if ((!operation.security && !step.security) || run.options.signedSources?.has(source.name)) return { ok: true, request, grants: [] };
  const entries: SecurityEntry[] = (step.security ?? []).map((entry) => ({
    ...(entry.schemeName !== undefined ? { schemeName: entry.schemeName } : {}),
    ...(entry.scheme ? { scheme: entry.scheme } : {}),
    values: Object.fromEntries(Object.entries(entry.values).map(([name, template]) => [name, renderValue(template, scope)])),
  }));
  const choice = chooseCredentials({ sourceName: source.name, security: operation.security, entries, explicit: run.options.credentials ?? (() => undefined), request });
  for (const secret of choice.secrets) run.options.learnSecret?.(secret);
  if (choice.missing) {
    const schemes = choice.missing.map((m) => `"${m.schemeName}"${m.why && m.why !== NOTHING ? ` (${m.why})` : ''}`).join(' + ');
    const how = choice.missing.map((m) => `--auth ${source.name}.${m.schemeName}=<value> or ${envName(source.name, m.schemeName)}`).join('; ');
    const label = operation.operationId ?? `${operation.method} ${operation.path}`;
    run.warn('credentials-missing', `step ${step.stepId}: operation ${label} requires security scheme ${schemes} of source "${source.name}" and nothing supplies it; the request is sent without credentials (pass ${how}, or add x-security to the step)`, {
      file: frame.document.key,
      pointer: step.pointer,
    });
  }
  const grants = choice.credentials.filter((c): c is Credential & { kind: 'grant' } => c.kind === 'grant');
  const plain = choice.credentials.filter((c): c is Credential & { kind: 'header' | 'query' | 'cookie' } => c.kind !== 'grant');
  const tokens = await fetchTokens(run, grants, false);
  if (!tokens.ok) return tokens;
  return { ok: true, request: addCredentials(request, [...plain, ...tokens.headers]), grants };
}

type TokenHeaders = { ok: true; headers: { kind: 'header'; name: string; value: string }[] } | { ok: false; reason: string };

async function fetchTokens(run: RunContext, grants: readonly (Credential & { kind: 'grant' })[], fresh: boolean): Promise<TokenHeaders> {
  const headers: { kind: 'header'; name: string; value: string }[] = [];
  for (const { grant } of grants) {
    if (!run.options.tokens) return { ok: false, reason: `security scheme "${grant.schemeName}" needs an OAuth 2.0 token, and this run has no token client` };
    const token = await run.options.tokens.token(grant, { fresh, ...(run.options.signal ? { signal: run.options.signal } : {}) });
    if (!token.ok) return { ok: false, reason: `no OAuth 2.0 token for security scheme "${grant.schemeName}": ${token.message}` };
    run.options.learnSecret?.(token.accessToken);
    headers.push({ kind: 'header', name: 'Authorization', value: `Bearer ${token.accessToken}` });
  }
  return { ok: true, headers };
}

/**
 * Sends the request; a 401 to a request that carried a fetched token is sent once more with a
 * fresh token (the server may have revoked or expired it before its expires_in).
 */
export async function sendAuthorized(run: RunContext, authorized: Authorized & { ok: true }, options: HttpSendOptions): Promise<HttpOutcome> {
  const outcome = await run.options.http.send(authorized.request, options);
  if (authorized.grants.length === 0 || outcome.kind !== 'response' || outcome.response.status !== 401) return outcome;
  const tokens = await fetchTokens(run, authorized.grants, true);
  if (!tokens.ok) return outcome;
  // Grants are chosen only when the request carried no Authorization of its own: this one is the token.
  const stale = authorized.request.headers.filter(([name]) => name.toLowerCase() !== 'authorization');
  return run.options.http.send(addCredentials({ ...authorized.request, headers: stale }, tokens.headers), options);
}
