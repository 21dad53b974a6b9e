/**
 * The engine's one hook for credentials (issue 13), the part decided inside advance: what the
 * operation's security requirements, the step's x-security and --auth call for (src/auth decides,
 * purely). OAuth 2.0 tokens still to be fetched travel on the send effect as grants, and an HTTP
 * Digest login as `digest`; the driver fetches the tokens through the TokenPort and answers the
 * Digest challenge (send-authorized.ts).
 */
import { chooseCredentials, NOTHING } from '../auth/choose-credentials.js';
import type { Credential, DigestLogin, SecurityEntry, TokenGrant } from '../auth/credential.js';
import { envName } from '../auth/explicit-credentials.js';
import { addCredentials } from '../auth/request-carries.js';
import { renderValue } from '../expressions/evaluate-expression.js';
import type { ExpressionScope } from '../expressions/scope.js';
import type { StepPlan } from '../plan/plan.js';
import type { HttpRequest } from './ports.js';
import { warn, type FramePlan, type RunEnv } from './run-env.js';
import type { RunState } from './run-state.js';

export interface Authorized {
  request: HttpRequest;
  grants: TokenGrant[];
  /** HTTP Digest: answered by the driver after the server's 401 challenge (send-authorized.ts). */
  digest?: DigestLogin;
}

export function authorizeRequest(state: RunState, env: RunEnv, at: FramePlan, step: StepPlan, request: HttpRequest, scope: ExpressionScope): Authorized {
  if (step.target.kind !== 'operation') return { request, grants: [] };
  const { operation, source } = step.target;
  // The source picks the transport's TLS settings (mTLS per source).
  request = { ...request, source: source.name };
  if ((!operation.security && !step.security) || env.options.signedSources?.has(source.name)) return { request, grants: [] };
  const entries: SecurityEntry[] = (step.security ?? []).map((entry) => ({
    ...(entry.schemeName !== undefined ? { schemeName: entry.schemeName } : {}),
    ...(entry.scheme ? { scheme: entry.scheme } : {}),
    values: Object.fromEntries(Object.entries(entry.values).map(([name, template]) => [name, renderValue(template, scope)])),
  }));
  const choice = chooseCredentials({ sourceName: source.name, security: operation.security, entries, explicit: env.options.credentials ?? (() => undefined), request });
  for (const secret of choice.secrets) env.options.learnSecret?.(secret);
  if (choice.missing) {
    const schemes = choice.missing.map((m) => `"${m.schemeName}"${m.why && m.why !== NOTHING ? ` (${m.why})` : ''}`).join(' + ');
    const how = choice.missing.map((m) => `--auth ${source.name}.${m.schemeName}=<value> or ${envName(source.name, m.schemeName)}`).join('; ');
    const label = operation.operationId ?? `${operation.method} ${operation.path}`;
    warn(state, env, 'credentials-missing', `step ${step.stepId}: operation ${label} requires security scheme ${schemes} of source "${source.name}" and nothing supplies it; the request is sent without credentials (pass ${how}, or add x-security to the step)`, {
      file: at.document.key,
      pointer: step.pointer,
    });
  }
  const grants = choice.credentials.flatMap((c) => (c.kind === 'grant' ? [c.grant] : []));
  const digest = choice.credentials.find((c) => c.kind === 'digest')?.login;
  const plain = choice.credentials.filter((c): c is Credential & { kind: 'header' | 'query' | 'cookie' } => c.kind !== 'grant' && c.kind !== 'digest');
  return { request: plain.length > 0 ? addCredentials(request, plain) : request, grants, ...(digest ? { digest } : {}) };
}
