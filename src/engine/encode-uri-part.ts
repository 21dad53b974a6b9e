/**
 * Percent-encoding rules for the pieces of a request URL and the Cookie header (RFC 3986, RFC 6570,
 * RFC 6265). Pure string functions; the serializer picks one per location.
 */

const UNRESERVED = /[A-Za-z0-9\-._~]/;
// RFC 3986 gen-delims + sub-delims, minus '#': a raw '#' would end the query and start a fragment,
// so it is encoded even under allowReserved (OAS 3.1.1 leaves that to the application).
const RESERVED_KEPT = /[:/?[\]@!$&'()*+,;=]/;
const PCT_TRIPLET = /^%[0-9A-Fa-f]{2}/;

function percentEncodeChar(char: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(char)) {
    out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Everything except RFC 3986 unreserved characters is encoded, so '/' becomes %2F and ' ' %20. */
export function encodeUnreserved(text: string): string {
  let out = '';
  for (const char of text) out += UNRESERVED.test(char) ? char : percentEncodeChar(char);
  return out;
}

/**
 * RFC 6570 reserved expansion, which is what OpenAPI `allowReserved: true` means: reserved
 * characters and existing percent-encoded triplets pass through; everything else is encoded.
 */
export function encodeReserved(text: string): string {
  let out = '';
  let index = 0;
  const chars = Array.from(text);
  while (index < chars.length) {
    const char = chars[index] ?? '';
    if (char === '%' && PCT_TRIPLET.test(chars.slice(index, index + 3).join(''))) {
      out += chars.slice(index, index + 3).join('');
      index += 3;
      continue;
    }
    out += UNRESERVED.test(char) || RESERVED_KEPT.test(char) ? char : percentEncodeChar(char);
    index += 1;
  }
  return out;
}

/**
 * Cookie values: only characters outside RFC 6265 cookie-octet are encoded (controls, space, '"',
 * ',', ';', '\\' and non-ASCII). Tokens such as base64 session ids (with '=', '/', '+') are sent
 * unchanged, because servers compare cookie values byte for byte and rarely percent-decode them.
 */
export function encodeCookieValue(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const isOctet = code === 0x21 || (code >= 0x23 && code <= 0x2b) || (code >= 0x2d && code <= 0x3a)
      || (code >= 0x3c && code <= 0x5b) || (code >= 0x5d && code <= 0x7e);
    out += isOctet ? char : percentEncodeChar(char);
  }
  return out;
}
