/**
 * HTTP Digest access authentication (RFC 7616): read the server's `WWW-Authenticate: Digest …`
 * challenge and compute the `Authorization` answer for one request. Algorithms MD5, SHA-256 and
 * SHA-512-256 (and their -sess variants); qop `auth` (`auth-int` is not offered by real servers
 * we know of, and would hash the body: refused). The strongest algorithm offered wins.
 */
import { createHash } from 'node:crypto';
import type { DigestLogin } from './credential.js';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  algorithm: string;
  qop?: 'auth';
  opaque?: string;
  /** RFC 7616 §3.4.4: the username may be sent hashed. */
  userhash: boolean;
}

const HASHES: Record<string, string> = { 'MD5': 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };
const STRENGTH = ['SHA-512-256', 'SHA-256', 'MD5'];

/** The Digest challenges of a WWW-Authenticate value (several may be joined with ", "). */
export function parseDigestChallenges(header: string): DigestChallenge[] {
  const challenges: DigestChallenge[] = [];
  for (const part of header.split(/(?:^|,)\s*(?=[A-Za-z][\w-]*\s+[\w-]+=)/)) {
    const match = /^Digest\s+([\s\S]*)$/i.exec(part.trim());
    if (!match) continue;
    const params = new Map<string, string>();
    for (const param of match[1]!.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
      params.set(param[1]!.toLowerCase(), param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3]!);
    }
    const realm = params.get('realm');
    const nonce = params.get('nonce');
    const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
    if (realm === undefined || nonce === undefined || HASHES[algorithm.replace(/-SESS$/, '')] === undefined) continue;
    const qops = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase());
    if (params.has('qop') && !qops.includes('auth')) continue;
    challenges.push({ realm, nonce, algorithm, ...(qops.includes('auth') ? { qop: 'auth' as const } : {}), ...(params.has('opaque') ? { opaque: params.get('opaque')! } : {}), userhash: params.get('userhash') === 'true' });
  }
  return challenges.sort((a, b) => STRENGTH.indexOf(a.algorithm.replace(/-SESS$/, '')) - STRENGTH.indexOf(b.algorithm.replace(/-SESS$/, '')));
}

/** The `Authorization` header value answering the challenge for `method` on `uri` (path and query). */
export function digestAuthorization(challenge: DigestChallenge, login: DigestLogin, method: string, uri: string, cnonce: string, nc = 1): string {
  const hash = (text: string): string => createHash(HASHES[challenge.algorithm.replace(/-SESS$/, '')]!).update(text, 'utf8').digest('hex');
  const sess = challenge.algorithm.endsWith('-SESS');
  const base = hash(`${login.username}:${challenge.realm}:${login.password}`);
  const ha1 = sess ? hash(`${base}:${challenge.nonce}:${cnonce}`) : base;
  const ha2 = hash(`${method.toUpperCase()}:${uri}`);
  const count = nc.toString(16).padStart(8, '0');
  const response = challenge.qop ? hash(`${ha1}:${challenge.nonce}:${count}:${cnonce}:auth:${ha2}`) : hash(`${ha1}:${challenge.nonce}:${ha2}`);
  const username = challenge.userhash ? hash(`${login.username}:${challenge.realm}`) : login.username;
  const quote = (text: string): string => `"${text.replace(/(["\\])/g, '\\$1')}"`;
  const fields = [
    `username=${quote(username)}`,
    `realm=${quote(challenge.realm)}`,
    `uri=${quote(uri)}`,
    `algorithm=${challenge.algorithm}`,
    `nonce=${quote(challenge.nonce)}`,
    ...(challenge.qop ? [`nc=${count}`, `cnonce=${quote(cnonce)}`, 'qop=auth'] : []),
    `response=${quote(response)}`,
    ...(challenge.opaque !== undefined ? [`opaque=${quote(challenge.opaque)}`] : []),
    ...(challenge.userhash ? ['userhash=true'] : []),
  ];
  return `Digest ${fields.join(', ')}`;
}
