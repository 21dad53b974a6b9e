// Pure mapping table of the http room (see parse-response-body.test.ts for why it lives here).
import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { findErrorCode, mapUndiciError } from '../../../src/http/map-undici-error.js';

const context = { url: 'http://127.0.0.1:1234/api/x', timeoutMs: 200 };
const coded = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('Transport failure mapping: Node network codes', () => {
  it.each([
    ['ECONNREFUSED', 'connection'],
    ['ECONNRESET', 'connection'],
    ['EPIPE', 'connection'],
    ['ENOTFOUND', 'connection'],
    ['EAI_AGAIN', 'connection'],
    ['EHOSTUNREACH', 'connection'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['EPROTO', 'tls'],
    ['ESOMETHINGNEW', 'other'],
  ])('%s → %s', (code, reason) => {
    expect(mapUndiciError(coded(code), context).reason).toBe(reason);
  });

  it('connection refused names host:port and what to try', () => {
    const { message } = mapUndiciError(coded('ECONNREFUSED'), context);
    expect(message).toContain('127.0.0.1:1234');
    expect(message).toContain('--server');
  });

  it('an unresolvable host names the host', () => {
    expect(mapUndiciError(coded('ENOTFOUND'), { ...context, url: 'https://nope.invalid/x' }).message).toContain('nope.invalid');
  });
});

describe('Transport failure mapping: undici errors', () => {
  it.each([
    [new errors.HeadersTimeoutError(), 'timeout'],
    [new errors.BodyTimeoutError(), 'timeout'],
    [new errors.ConnectTimeoutError(), 'timeout'],
    [new errors.SocketError('other side closed'), 'connection'],
    [new errors.RequestAbortedError(), 'aborted'],
    [new errors.ResponseExceededMaxSizeError(), 'body-too-large'],
    [new errors.InvalidArgumentError('bad'), 'other'],
  ])('%s → %s', (error, reason) => {
    expect(mapUndiciError(error, context).reason).toBe(reason);
  });

  it('a headers timeout names the timeout in ms', () => {
    expect(mapUndiciError(new errors.HeadersTimeoutError(), context).message).toContain('200 ms');
  });
});

describe('Transport failure mapping: wrapped errors and abort reasons', () => {
  it('finds the code in a cause chain and in an AggregateError', () => {
    const wrapped = new Error('fetch failed', { cause: coded('ECONNREFUSED') });
    expect(findErrorCode(wrapped)).toBe('ECONNREFUSED');
    expect(mapUndiciError(new AggregateError([coded('ECONNREFUSED'), coded('EHOSTUNREACH')]), context).reason).toBe('connection');
  });

  it('AbortError → aborted; TimeoutError (AbortSignal.timeout) → timeout', () => {
    expect(mapUndiciError(new DOMException('x', 'AbortError'), context).reason).toBe('aborted');
    expect(mapUndiciError(new DOMException('x', 'TimeoutError'), context).reason).toBe('timeout');
  });

  it('non-errors map to other', () => {
    expect(mapUndiciError('weird', context)).toMatchObject({ reason: 'other' });
    expect(mapUndiciError(undefined, context).reason).toBe('other');
  });
});
