import { describe, expect, it } from 'vitest';
import { encodeBody, type EncodedBody } from '../../../src/engine/encode-body.js';

const ok = (result: EncodedBody): { body?: string | Uint8Array; contentType?: string } => {
  if (!result.ok) throw new Error(`expected ok, got ${result.problem.code}`);
  return result;
};
const code = (result: EncodedBody): string | undefined => (result.ok ? undefined : result.problem.code);

describe('Request Body Object: no payload', () => {
  it('undefined sends no body and no Content-Type', () => {
    expect(ok(encodeBody(undefined, 'application/json'))).toEqual({ ok: true });
  });
});

describe('Request Body Object: JSON media types (spec "JSON Object" and "JSON Templated" examples)', () => {
  it('an object becomes JSON text under application/json', () => {
    const r = ok(encodeBody({ petOrder: { petId: 7, complete: false } }, 'application/json'));
    expect(r.body).toBe('{"petOrder":{"petId":7,"complete":false}}');
    expect(r.contentType).toBe('application/json');
  });

  it('+json types and parameters are JSON too; the content type is kept verbatim', () => {
    const r = ok(encodeBody([1], 'application/merge-patch+json; charset=utf-8'));
    expect(r).toEqual({ ok: true, body: '[1]', contentType: 'application/merge-patch+json; charset=utf-8' });
  });

  it('a string that is JSON text (an interpolated template) is sent as-is', () => {
    const template = '{\n  "petOrder": { "petId": "7", "quantity": "2" }\n}';
    expect(ok(encodeBody(template, 'application/json')).body).toBe(template);
  });

  it('a plain string becomes a JSON string literal', () => {
    expect(ok(encodeBody('hello', 'application/json')).body).toBe('"hello"');
  });

  it('a broken template starting with { is a problem, not a quoted string', () => {
    expect(code(encodeBody('{"customer": "{"a":1}"}', 'application/json'))).toBe('request-body-invalid-json');
  });

  it('null, numbers and booleans are JSON values', () => {
    expect(ok(encodeBody(null, 'application/json')).body).toBe('null');
    expect(ok(encodeBody(3, 'application/json')).body).toBe('3');
  });

  it('a value JSON cannot represent is a problem', () => {
    expect(code(encodeBody(10n, 'application/json'))).toBe('request-body-not-encodable');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(code(encodeBody(cycle, 'application/json'))).toBe('request-body-not-encodable');
  });
});

describe('Request Body Object: application/x-www-form-urlencoded (spec "Form Data" examples)', () => {
  const type = 'application/x-www-form-urlencoded';

  it('an object becomes k=v pairs in order, with form encoding', () => {
    const r = ok(encodeBody({ client_id: 'abc', grant_type: 'authorization_code', redirect_uri: 'https://x.test/cb?a=1', scope: 'read write' }, type));
    expect(r.body).toBe('client_id=abc&grant_type=authorization_code&redirect_uri=https%3A%2F%2Fx.test%2Fcb%3Fa%3D1&scope=read+write');
    expect(r.contentType).toBe(type);
  });

  it('arrays repeat the key, nested objects are JSON text, null is empty, undefined is skipped', () => {
    const r = ok(encodeBody({ a: [1, 2], o: { k: 'v' }, n: null, u: undefined }, type));
    expect(new URLSearchParams(r.body as string).getAll('a')).toEqual(['1', '2']);
    expect(new URLSearchParams(r.body as string).get('o')).toBe('{"k":"v"}');
    expect(r.body).toMatch(/(^|&)n=(&|$)/);
    expect(r.body).not.toContain('u=');
  });

  it('a string is sent as-is', () => {
    expect(ok(encodeBody('client_id=abc&code=x', type)).body).toBe('client_id=abc&code=x');
  });

  it('an array at the top is a problem', () => {
    expect(code(encodeBody([1, 2], type))).toBe('request-body-not-encodable');
  });
});

describe('Request Body Object: multipart/form-data', () => {
  it('an object becomes parts and the content type carries the boundary', () => {
    const r = ok(encodeBody({ name: 'snap', tags: ['a', 'b'], meta: { k: 1 } }, 'multipart/form-data', { boundary: 'XyZ' }));
    expect(r.contentType).toBe('multipart/form-data; boundary=XyZ');
    expect(r.body).toBe([
      '--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nsnap\r\n',
      '--XyZ\r\nContent-Disposition: form-data; name="tags"\r\n\r\na\r\n',
      '--XyZ\r\nContent-Disposition: form-data; name="tags"\r\n\r\nb\r\n',
      '--XyZ\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"k":1}\r\n',
      '--XyZ--\r\n',
    ].join(''));
  });

  it('a generated boundary is random and appears in the body', () => {
    const a = ok(encodeBody({ x: '1' }, 'multipart/form-data'));
    const b = ok(encodeBody({ x: '1' }, 'multipart/form-data'));
    const boundary = /boundary=(.+)$/.exec(a.contentType ?? '')?.[1] ?? 'none';
    expect(a.body).toContain(`--${boundary}--`);
    expect(a.contentType).not.toBe(b.contentType);
  });

  it('bytes become a file part and the body becomes bytes', () => {
    const r = ok(encodeBody({ file: new Uint8Array([0, 255]) }, 'multipart/form-data', { boundary: 'B' }));
    expect(r.body).toBeInstanceOf(Uint8Array);
    const bytes = r.body as Uint8Array;
    expect(Buffer.from(bytes).includes(Buffer.from([0, 255]))).toBe(true);
    expect(Buffer.from(bytes).toString('latin1')).toContain('filename="file"\r\nContent-Type: application/octet-stream');
  });

  it('a boundary declared in the content type is used, and then a string body is accepted', () => {
    expect(ok(encodeBody({ x: '1' }, 'multipart/form-data; boundary=given')).body).toContain('--given--');
    expect(ok(encodeBody('--given--\r\n', 'multipart/form-data; boundary=given')).body).toBe('--given--\r\n');
  });

  it('a string without a declared boundary is a problem', () => {
    expect(code(encodeBody('raw', 'multipart/form-data'))).toBe('request-body-not-encodable');
  });
});

describe('Request Body Object: XML and text (spec "XML Templated" example)', () => {
  it('an XML string is sent as given', () => {
    const xml = '<petOrder><petId>7</petId></petOrder>';
    expect(ok(encodeBody(xml, 'application/xml'))).toEqual({ ok: true, body: xml, contentType: 'application/xml' });
    expect(ok(encodeBody(xml, 'application/atom+xml')).body).toBe(xml);
  });

  it('an object under an XML type is a problem', () => {
    expect(code(encodeBody({ petId: 7 }, 'application/xml'))).toBe('request-body-not-encodable');
    expect(code(encodeBody({ petId: 7 }, 'text/xml'))).toBe('request-body-not-encodable');
  });

  it('text/*: strings as given, objects as JSON text', () => {
    expect(ok(encodeBody('hi', 'text/plain')).body).toBe('hi');
    expect(ok(encodeBody({ a: 1 }, 'text/plain')).body).toBe('{"a":1}');
    expect(ok(encodeBody(5, 'text/plain')).body).toBe('5');
  });
});

describe('Request Body Object: contentType omitted and binary values', () => {
  it('an object without a media type is JSON as application/json', () => {
    expect(ok(encodeBody({ a: 1 }, undefined))).toEqual({ ok: true, body: '{"a":1}', contentType: 'application/json' });
  });

  it('a string without a media type is sent as-is with no Content-Type', () => {
    expect(ok(encodeBody('raw', undefined))).toEqual({ ok: true, body: 'raw' });
  });

  it('bytes are sent as bytes, application/octet-stream when no type is given', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(ok(encodeBody(bytes, undefined))).toEqual({ ok: true, body: bytes, contentType: 'application/octet-stream' });
    expect(ok(encodeBody(bytes, 'image/png')).contentType).toBe('image/png');
  });
});
