/**
 * Header assembly for build-request: RFC 9110 names are case-insensitive, so a later parameter
 * whose name matches an earlier one (any case) replaces it in place; cookie parameters become ONE
 * Cookie header; the body's Content-Type is added unless a header parameter already set one.
 */
import type { Problem } from '../diagnostics/diagnostic.js';

// RFC 9110 token characters; anything else in a header name would be rejected by the client.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// CR, LF and NUL would split or truncate the header block (request smuggling); other controls
// except HTAB are invalid field-value characters.
const BAD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export class HeaderList {
  private readonly byName = new Map<string, [string, string]>();

  /** Replaces any header with the same name (case-insensitive), keeping its position. */
  set(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.byName.get(key);
    if (existing === undefined) this.byName.set(key, [name, value]);
    else {
      existing[0] = name;
      existing[1] = value;
    }
  }

  get(name: string): string | undefined {
    return this.byName.get(name.toLowerCase())?.[1];
  }

  entries(): Array<readonly [string, string]> {
    return Array.from(this.byName.values(), ([name, value]) => [name, value] as const);
  }

  /** Lower-cased name → value, for $request.header expressions. */
  toRecord(): Record<string, string> {
    return Object.fromEntries(Array.from(this.byName, ([key, [, value]]) => [key, value]));
  }
}

export function checkHeader(name: string, value: string): Problem | undefined {
  if (!TOKEN.test(name)) {
    return { code: 'header-name-invalid', message: `"${name}" is not a valid HTTP header name`, hint: 'header names are tokens: letters, digits and !#$%&\'*+-.^_`|~' };
  }
  if (BAD_VALUE.test(value)) {
    return { code: 'header-value-invalid', message: `the value of header "${name}" contains a line break or control character`, hint: 'check the expression that produces this value; headers cannot span lines' };
  }
  return undefined;
}

/** An existing Cookie header parameter is kept, and cookie parameters are appended to it. */
export function mergeCookies(headers: HeaderList, pieces: readonly string[]): void {
  if (pieces.length === 0) return;
  const existing = headers.get('cookie');
  const all = existing === undefined || existing === '' ? pieces : [existing, ...pieces];
  headers.set(existing === undefined ? 'Cookie' : findName(headers, 'cookie'), all.join('; '));
}

function findName(headers: HeaderList, lower: string): string {
  return headers.entries().find(([name]) => name.toLowerCase() === lower)?.[0] ?? lower;
}

/**
 * A Content-Type header parameter wins over the body's media type (the user asked for it), but a
 * multipart type without a boundary gets the generated one: without it the body is unreadable.
 */
export function applyContentType(headers: HeaderList, encodedType: string | undefined): void {
  if (encodedType === undefined) return;
  const given = headers.get('content-type');
  if (given === undefined) {
    headers.set('Content-Type', encodedType);
    return;
  }
  const boundary = /;\s*boundary=[^;]+/i.exec(encodedType)?.[0];
  if (boundary !== undefined && !/;\s*boundary=/i.test(given)) {
    headers.set(findName(headers, 'content-type'), `${given}${boundary}`);
  }
}
