/**
 * OCI HTTP Signatures (draft-cavage-http-signatures-08 as OCI uses it; api-facts.md §2.2):
 * `Authorization: Signature version="1",keyId="<tenancy>/<user>/<fingerprint>",algorithm="rsa-sha256",
 * headers="…",signature="…"`. Every request signs `date (request-target) host`; POST, PUT and PATCH
 * also `content-length content-type x-content-sha256` (base64 SHA-256 of the body).
 */
import { createHash, createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import type { HttpRequest } from '../engine/ports.js';
import type { RequestSigner } from './request-signer.js';

export interface OciKey {
  tenancy: string;
  user: string;
  fingerprint: string;
  /** PEM text of the API signing key. */
  privateKey: string;
  passphrase?: string;
  now?: () => Date;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

export function createOciSigner(key: OciKey): RequestSigner {
  const privateKey: KeyObject = createPrivateKey({ key: key.privateKey, ...(key.passphrase ? { passphrase: key.passphrase } : {}) });
  const keyId = `${key.tenancy}/${key.user}/${key.fingerprint}`;
  return (request: HttpRequest): HttpRequest => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const headers = request.headers.filter(([name]) => !['authorization', 'date', 'x-date', 'x-content-sha256'].includes(name.toLowerCase()));
    const added: Array<[string, string]> = [['date', (key.now?.() ?? new Date()).toUTCString()]];
    const values = new Map<string, string>([['date', added[0]![1]], ['(request-target)', `${method.toLowerCase()} ${url.pathname}${url.search}`], ['host', url.host]]);
    const signed = ['date', '(request-target)', 'host'];
    if (WITH_BODY.has(method)) {
      const body = typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.from(request.body ?? new Uint8Array());
      const digest = createHash('sha256').update(body).digest('base64');
      const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
      if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) added.push(['content-type', contentType]);
      added.push(['x-content-sha256', digest]);
      // undici sends the length of the body it is given; the signed value must be that length.
      values.set('content-length', String(body.byteLength)).set('content-type', contentType).set('x-content-sha256', digest);
      signed.push('content-length', 'content-type', 'x-content-sha256');
    }
    const signingString = signed.map((name) => `${name}: ${values.get(name)!}`).join('\n');
    const signature = createSign('RSA-SHA256').update(signingString).sign(privateKey, 'base64');
    const authorization = `Signature version="1",keyId="${keyId}",algorithm="rsa-sha256",headers="${signed.join(' ')}",signature="${signature}"`;
    return { ...request, headers: [...headers, ...added, ['authorization', authorization]] };
  };
}
