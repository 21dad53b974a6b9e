/**
 * AWS Signature Version 4 (the `Authorization: AWS4-HMAC-SHA256 …` header form): canonical request
 * → string to sign → HMAC chain of date/region/service. Signs host, x-amz-date, the session token
 * when there is one, and x-amz-content-sha256 for S3 (which requires it).
 */
import { createHash, createHmac } from 'node:crypto';
import type { HttpRequest } from '../engine/ports.js';
import type { RequestSigner } from './request-signer.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsScope {
  service: string;
  region: string;
  now?: () => Date;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding: everything but unreserved characters. */
const encode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function createAwsSigner(credentials: AwsCredentials, scope: AwsScope): RequestSigner {
  return (request: HttpRequest): HttpRequest => {
    const url = new URL(request.url);
    const now = scope.now?.() ?? new Date();
    const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const body = request.body === undefined ? '' : request.body;
    const payloadHash = sha256(body);
    const kept = request.headers.filter(([name]) => !['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'].includes(name.toLowerCase()));
    const added: Array<[string, string]> = [['x-amz-date', amzDate]];
    if (credentials.sessionToken) added.push(['x-amz-security-token', credentials.sessionToken]);
    if (scope.service === 's3') added.push(['x-amz-content-sha256', payloadHash]);
    const canonical = new Map<string, string>([['host', url.host]]);
    for (const [name, value] of added) canonical.set(name, value);
    const names = [...canonical.keys()].sort();
    const canonicalRequest = [
      request.method.toUpperCase(),
      canonicalPath(url.pathname, scope.service),
      canonicalQuery(url.search),
      names.map((name) => `${name}:${canonical.get(name)!.trim().replace(/\s+/g, ' ')}\n`).join(''),
      names.join(';'),
      payloadHash,
    ].join('\n');
    const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256(canonicalRequest)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), scope.region), scope.service), 'aws4_request');
    const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
    const authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
    return { ...request, headers: [...kept, ...added, ['authorization', authorization]] };
  };
}

/** Each segment URI-encoded; twice for every service but S3, whose paths are encoded once. */
function canonicalPath(path: string, service: string): string {
  const segments = (path || '/').split('/').map((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // keep as sent
    }
    return service === 's3' ? encode(decoded) : encode(encode(decoded));
  });
  return segments.join('/') || '/';
}

function canonicalQuery(search: string): string {
  const pairs = [...new URLSearchParams(search)].map(([name, value]) => [encode(name), encode(value)] as const);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}
