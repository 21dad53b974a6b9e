// Issue 13 "Request signing": OCI HTTP Signatures from an ~/.oci/config profile (api-facts.md §2.2)
// and AWS Signature V4 from the environment or the shared credentials file. The loopback server
// checks each OCI signature with the public key of the pair the test generated, rebuilding the
// signing string from what arrived; SigV4 is checked against AWS's published get-vanilla example
// and by a server recomputing it with the secret the test chose.
import { createHash, createHmac, createVerify, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAwsSigner } from '../../../src/http/sign-aws.js';
import { useLoopbackServer, type LoopbackRequest } from '../../support/loopback-server.js';
import { runInProcess, workflowDocument, writeDocuments } from '../auth/auth-fixtures.js';

const home = mkdtempSync(path.join(tmpdir(), 'arazzo-sign-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
mkdirSync(path.join(home, '.oci'));
writeFileSync(path.join(home, '.oci', 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(path.join(home, '.oci', 'config'), [
  '[DEFAULT]', 'user=ocid1.user.oc1..default', 'fingerprint=aa:bb', 'tenancy=ocid1.tenancy.oc1..t', 'region=eu-frankfurt-1', 'key_file=~/.oci/key.pem',
  '', '[OTHER]', 'user=ocid1.user.oc1..other', 'fingerprint=cc:dd', 'tenancy=ocid1.tenancy.oc1..t', 'key_file=~/.oci/key.pem', '',
].join('\n'));

/** OCI's rules, written independently of the signer: the header list, then `name: value` lines. */
function verifyOci(request: LoopbackRequest): { ok: boolean; keyId?: string; headers?: string } {
  const auth = request.headers.authorization ?? '';
  const fields = Object.fromEntries([...auth.replace(/^Signature /, '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  if (fields.version !== '1' || fields.algorithm !== 'rsa-sha256' || !fields.headers || !fields.signature) return { ok: false };
  const lines = fields.headers.split(' ').map((name) => (name === '(request-target)' ? `${name}: ${request.method.toLowerCase()} ${request.url}` : `${name}: ${request.headers[name] ?? ''}`));
  const ok = createVerify('RSA-SHA256').update(lines.join('\n')).verify(publicKey, fields.signature, 'base64');
  return { ok, keyId: fields.keyId!, headers: fields.headers };
}

const api = {
  openapi: '3.0.3',
  info: { title: 'signed', version: '1' },
  servers: [{ url: 'http://127.0.0.1:9/20160918' }],
  paths: {
    '/images/{imageId}': { get: { operationId: 'getImage', parameters: [{ name: 'imageId', in: 'path', required: true, schema: { type: 'string' } }, { name: 'fields', in: 'query', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } },
    '/images': { post: { operationId: 'createImage', requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'ok' } } } },
  },
  components: { securitySchemes: { ociSignature: { type: 'apiKey', in: 'header', name: 'Authorization' } } },
  security: [{ ociSignature: [] }],
};

describe('issue 13: OCI HTTP Signatures (--sign <source>=oci[:profile])', () => {
  const verdicts: Array<ReturnType<typeof verifyOci> & { digestOk: boolean; lengthOk: boolean }> = [];
  const holder = useLoopbackServer((request) => {
    const digest = createHash('sha256').update(request.bodyText).digest('base64');
    verdicts.push({ ...verifyOci(request), digestOk: request.method === 'GET' || request.headers['x-content-sha256'] === digest, lengthOk: request.method === 'GET' || request.headers['content-length'] === String(Buffer.byteLength(request.bodyText)) });
    return { body: { id: 'ocid1.image' } };
  });

  it('GET signs date (request-target) host; POST adds content-length content-type x-content-sha256; the server verifies both with the public key', async () => {
    verdicts.length = 0;
    const file = writeDocuments(api, workflowDocument([
      { operationId: 'getImage', parameters: [{ name: 'imageId', in: 'path', value: 'ocid1.image.oc1..x' }, { name: 'fields', in: 'query', value: 'a b' }] },
      { operationId: 'createImage', requestBody: { payload: { displayName: 'golden', compartmentId: 'ocid1.compartment' } } } as never,
    ]));
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}/20160918`, '--sign', 'api=oci', '--json'], { HOME: home });
    expect(run.stderr).not.toContain('warning');
    expect(run.code).toBe(0);
    expect(verdicts.map((v) => [v.ok, v.headers, v.digestOk, v.lengthOk])).toEqual([
      [true, 'date (request-target) host', true, true],
      [true, 'date (request-target) host content-length content-type x-content-sha256', true, true],
    ]);
    expect(verdicts[0]!.keyId).toBe('ocid1.tenancy.oc1..t/ocid1.user.oc1..default/aa:bb');
    // The OCI scheme counts as filled: no credentials-missing warning.
    expect((JSON.parse(run.stdout) as { warnings: Array<{ code: string }> }).warnings.map((w) => w.code)).not.toContain('credentials-missing');
  });

  it('a named profile is used; a key that does not match fails verification (the check can fail)', async () => {
    verdicts.length = 0;
    const file = writeDocuments(api, workflowDocument([{ operationId: 'getImage', parameters: [{ name: 'imageId', in: 'path', value: 'x' }] }]));
    await runInProcess(['run', file, '--server', `api=${holder.server.url}/20160918`, '--sign', 'api=oci:OTHER'], { HOME: home });
    expect(verdicts[0]!.keyId).toBe('ocid1.tenancy.oc1..t/ocid1.user.oc1..other/cc:dd');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongHome = mkdtempSync(path.join(tmpdir(), 'arazzo-sign-wrong-'));
    mkdirSync(path.join(wrongHome, '.oci'));
    writeFileSync(path.join(wrongHome, '.oci', 'key.pem'), other.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(path.join(wrongHome, '.oci', 'config'), '[DEFAULT]\nuser=u\nfingerprint=f\ntenancy=t\nkey_file=~/.oci/key.pem\n');
    try {
      await runInProcess(['run', file, '--server', `api=${holder.server.url}/20160918`, '--sign', 'api=oci'], { HOME: wrongHome });
      expect(verdicts.at(-1)!.ok).toBe(false);
    } finally {
      rmSync(wrongHome, { recursive: true, force: true });
    }
  });

  it('a missing profile or config is a usage error: exit 2, nothing sent', async () => {
    const file = writeDocuments(api, workflowDocument([{ operationId: 'getImage', parameters: [{ name: 'imageId', in: 'path', value: 'x' }] }]));
    const before = holder.server.requests.length;
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}/20160918`, '--sign', 'api=oci:NOPE'], { HOME: home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[NOPE]');
    expect((await runInProcess(['run', file, '--sign', 'api=oci'], { HOME: path.join(home, 'none') })).code).toBe(2);
    expect(holder.server.requests.length).toBe(before);
  });
});

describe('issue 13: AWS Signature V4 (--sign <source>=aws:<service>/<region>)', () => {
  it('matches AWS\'s published get-vanilla example (SigV4 test suite)', () => {
    const signer = createAwsSigner(
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      { service: 'service', region: 'us-east-1', now: () => new Date('2015-08-30T12:36:00Z') },
    );
    const signed = signer({ method: 'GET', url: 'https://example.amazonaws.com/', headers: [] });
    expect(Object.fromEntries(signed.headers).authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  const secret = 'test-secret-key-0123456789';
  const checks: boolean[] = [];
  const holder = useLoopbackServer((request) => {
    // The server's own SigV4 check for a GET with a query and a session token.
    const auth = /Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=(\w+)/.exec(request.headers.authorization ?? '');
    if (!auth) return { status: 403, body: {} };
    const [, , day, region, service, signedHeaders, signature] = auth as unknown as string[];
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1).split('&').sort().join('&') : '';
    const canonical = [request.method, request.path, query, signedHeaders!.split(';').map((h) => `${h}:${request.headers[h]}\n`).join(''), signedHeaders, createHash('sha256').update(request.bodyText).digest('hex')].join('\n');
    const toSign = ['AWS4-HMAC-SHA256', request.headers['x-amz-date'], `${day}/${region}/${service}/aws4_request`, createHash('sha256').update(canonical).digest('hex')].join('\n');
    const key = [day!, region!, service!, 'aws4_request'].reduce<Buffer | string>((k, part) => createHmac('sha256', k).update(part).digest(), `AWS4${secret}`);
    checks.push(createHmac('sha256', key).update(toSign).digest('hex') === signature && request.headers['x-amz-security-token'] === 'session-token-value');
    return { body: {} };
  });

  it('signs with credentials from the environment (session token included); the server\'s check passes and the secret is masked', async () => {
    const file = writeDocuments(api, workflowDocument([{ operationId: 'getImage', parameters: [{ name: 'imageId', in: 'path', value: 'i-1' }, { name: 'fields', in: 'query', value: 'state' }] }]));
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}/20160918`, '--sign', 'api=aws:execute-api/eu-west-1', '--verbose'], {
      AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: 'session-token-value', HOME: home,
    });
    expect(run.code).toBe(0);
    expect(checks).toEqual([true]);
    expect(run.stderr).not.toContain(secret);
  });

  it('reads the shared credentials file (AWS_PROFILE); none at all is a usage error', async () => {
    mkdirSync(path.join(home, '.aws'), { recursive: true });
    writeFileSync(path.join(home, '.aws', 'credentials'), `[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = ${secret}\naws_session_token = session-token-value\n`);
    const file = writeDocuments(api, workflowDocument([{ operationId: 'getImage', parameters: [{ name: 'imageId', in: 'path', value: 'i-2' }] }]));
    checks.length = 0;
    const run = await runInProcess(['run', file, '--server', `api=${holder.server.url}/20160918`, '--sign', 'api=aws:execute-api/eu-west-1'], { HOME: home });
    expect(run.code).toBe(0);
    expect(checks).toEqual([true]);
    expect(holder.server.requests[0]!.headers.authorization).toContain('Credential=AKIDFILE/');
    const none = await runInProcess(['run', file, '--sign', 'api=aws:execute-api/eu-west-1'], { HOME: path.join(home, 'nobody') });
    expect(none.code).toBe(2);
  });
});
