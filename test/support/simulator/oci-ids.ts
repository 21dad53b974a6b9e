// Identifier and header shapes OCI really uses (api-facts §2.9, §2.10).
import { createHash, randomBytes } from 'node:crypto';
import type { SimResponse } from './route.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `ocid1.<type>.oc1.<region>.<unique>`, the unique part ~60 lowercase base32 chars. */
export function makeOcid(resourceType: string, region = 'iad'): string {
  const bytes = randomBytes(52);
  let unique = 'aaaaaaaa';
  for (const b of bytes) unique += BASE32[b % 32];
  return `ocid1.${resourceType}.oc1.${region}.${unique}`;
}

/** Three 32-hex-character segments joined by `/`, like real opc-request-id values. */
export function makeOpcRequestId(): string {
  return [0, 1, 2].map(() => randomBytes(16).toString('hex').toUpperCase()).join('/');
}

/** A content hash, so the etag changes exactly when the resource does. */
export function etagOf(resource: unknown): string {
  return createHash('sha256').update(JSON.stringify(resource)).digest('hex').slice(0, 32);
}

export function ociError(status: number, code: string, message: string): SimResponse {
  return { status, body: { code, message } };
}

export function ociNotFound(): SimResponse {
  return ociError(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found.');
}
