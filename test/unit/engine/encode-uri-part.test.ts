import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCookieValue, encodeReserved, encodeUnreserved } from '../../../src/engine/encode-uri-part.js';

describe('RFC 3986 percent-encoding: properties', () => {
  it('encodeUnreserved emits only unreserved characters and %XX, and decodes back to the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const encoded = encodeUnreserved(text);
      expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
      expect(decodeURIComponent(encoded)).toBe(text);
    }));
  });

  it('encodeReserved never emits a raw "#" or space and decodes back when the input has no "%"', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((t) => !t.includes('%')), (text) => {
      const encoded = encodeReserved(text);
      expect(encoded).not.toMatch(/[# ]/);
      expect(decodeURIComponent(encoded)).toBe(text);
    }));
  });

  it('encodeCookieValue never emits a raw ";", ",", space or quote', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      expect(encodeCookieValue(text)).not.toMatch(/[;, "\\\u0000-\u001f\u007f]/);
    }));
  });
});
