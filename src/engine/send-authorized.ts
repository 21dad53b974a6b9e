/**
 * The driver's side of credentials (issue 13): fetches the OAuth 2.0 tokens a send effect's grants
 * need through the TokenPort, sends, and sends once more with a fresh token after a 401 (the
 * server may have revoked or expired it before its expires_in). An HTTP Digest login is answered
 * the same way: the first request goes without it, and the 401's challenge is answered once.
 */
import { randomBytes } from 'node:crypto';
import { digestAuthorization, parseDigestChallenges } from '../auth/digest-auth.js';
import type { TokenGrant } from '../auth/credential.js';
import { addCredentials } from '../auth/request-carries.js';
import type { SendEffect } from './effects.js';
import type { HttpOutcome, HttpRequest, HttpSendOptions } from './ports.js';
import type { RunOptions } from './run-env.js';

export type Sent = { sent: true; request: HttpRequest; outcome: HttpOutcome } | { sent: false; reason: string };

type TokenHeaders = { ok: true; headers: { kind: 'header'; name: string; value: string }[] } | { ok: false; reason: string };

async function fetchTokens(options: RunOptions, grants: readonly TokenGrant[], fresh: boolean): Promise<TokenHeaders> {
  const headers: { kind: 'header'; name: string; value: string }[] = [];
  for (const grant of grants) {
    if (!options.tokens) return { ok: false, reason: `security scheme "${grant.schemeName}" needs an OAuth 2.0 token, and this run has no token client` };
    const token = await options.tokens.token(grant, { fresh, ...(options.signal ? { signal: options.signal } : {}) });
    if (!token.ok) return { ok: false, reason: `no OAuth 2.0 token for security scheme "${grant.schemeName}": ${token.message}` };
    options.learnSecret?.(token.accessToken);
    headers.push({ kind: 'header', name: 'Authorization', value: `Bearer ${token.accessToken}` });
  }
  return { ok: true, headers };
}

/** Sends the effect's request (with its tokens); `onSend` hears the request actually sent, once. */
export async function sendAuthorized(options: RunOptions, effect: SendEffect, sendOptions: HttpSendOptions, onSend: (request: HttpRequest) => void): Promise<Sent> {
  const grants = effect.grants ?? [];
  let request = effect.request;
  if (grants.length > 0) {
    const tokens = await fetchTokens(options, grants, false);
    if (!tokens.ok) return { sent: false, reason: tokens.reason };
    request = addCredentials(request, tokens.headers);
  }
  onSend(request);
  const outcome = await options.http.send(request, sendOptions);
  if (effect.digest) return answerDigest(options, effect, request, outcome, sendOptions);
  if (grants.length === 0 || outcome.kind !== 'response' || outcome.response.status !== 401) return { sent: true, request, outcome };
  const tokens = await fetchTokens(options, grants, true);
  if (!tokens.ok) return { sent: true, request, outcome };
  // Grants are chosen only when the request carried no Authorization of its own: this one is the token.
  const stale = request.headers.filter(([name]) => name.toLowerCase() !== 'authorization');
  const again = addCredentials({ ...request, headers: stale }, tokens.headers);
  return { sent: true, request: again, outcome: await options.http.send(again, sendOptions) };
}

async function answerDigest(options: RunOptions, effect: SendEffect, request: HttpRequest, outcome: HttpOutcome, sendOptions: HttpSendOptions): Promise<Sent> {
  if (outcome.kind !== 'response' || outcome.response.status !== 401) return { sent: true, request, outcome };
  const challenge = parseDigestChallenges(outcome.response.headers['www-authenticate'] ?? '')[0];
  if (!challenge) return { sent: true, request, outcome };
  const url = new URL(request.url);
  const answer = digestAuthorization(challenge, effect.digest!, request.method, `${url.pathname}${url.search}`, randomBytes(16).toString('hex'));
  options.learnSecret?.(answer.slice('Digest '.length));
  const again = addCredentials(request, [{ kind: 'header', name: 'Authorization', value: answer }]);
  return { sent: true, request: again, outcome: await options.http.send(again, sendOptions) };
}
