// Pure functions of the http room; they live here because test/integration/http is that room's
// test folder in this repo's layout.
import { describe, expect, it } from 'vitest';
import { parseResponseBody, REPORT_TEXT_LIMIT } from '../../../src/http/parse-response-body.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Response body parsing by Content-Type', () => {
  it('parses application/json and +json', () => {
    expect(parseResponseBody('application/json', bytes('{"a":[1]}'))).toEqual({ ok: true, body: { a: [1] }, bodyText: '{"a":[1]}' });
    expect(parseResponseBody('application/problem+json; charset=utf-8', bytes('{"status":404}'))).toMatchObject({ ok: true, body: { status: 404 } });
    expect(parseResponseBody('Application/JSON', bytes('1'))).toMatchObject({ ok: true, body: 1 });
  });

  it('invalid JSON is invalid-body with the parser message', () => {
    const parsed = parseResponseBody('application/json', bytes('{nope'));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toBe('invalid-body');
    expect(parsed.bodyText).toBe('{nope');
  });

  it('text for everything else, including XML and a missing type', () => {
    expect(parseResponseBody('application/xml', bytes('<a/>'))).toMatchObject({ ok: true, body: '<a/>' });
    expect(parseResponseBody(undefined, bytes('{"a":1}'))).toMatchObject({ ok: true, body: '{"a":1}' });
  });

  it('empty bodies (and whitespace-only JSON) are undefined', () => {
    expect(parseResponseBody('application/json', new Uint8Array())).toEqual({ ok: true, body: undefined });
    expect(parseResponseBody('text/plain', new Uint8Array())).toEqual({ ok: true, body: undefined });
    expect(parseResponseBody('application/json', bytes(' \n'))).toMatchObject({ ok: true, body: undefined });
  });

  it('decodes a declared charset', () => {
    expect(parseResponseBody('text/plain; charset=iso-8859-1', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toMatchObject({ body: 'café' });
    expect(parseResponseBody('text/plain; charset=no-such-charset', bytes('café'))).toMatchObject({ body: 'café' });
  });

  it('bodyText is cut at 64 KiB for reports; body keeps everything', () => {
    const long = 'a'.repeat(REPORT_TEXT_LIMIT + 10);
    const parsed = parseResponseBody('text/plain', bytes(long));
    expect(parsed.ok ? parsed.body : undefined).toBe(long);
    expect(parsed.bodyText?.startsWith('a'.repeat(REPORT_TEXT_LIMIT))).toBe(true);
    expect(parsed.bodyText?.length).toBeLessThan(long.length + 60);
    expect(parsed.bodyText).toContain(`${REPORT_TEXT_LIMIT + 10} bytes`);
  });
});
