/**
 * JSON text for bodies and `content` parameters, plus media-type helpers shared by the encoders.
 *
 * The string rule: Arazzo payloads are often JSON *templates* (a YAML block string with
 * `{$inputs.x}` inside, spec "JSON Templated Example"), so after interpolation the value is a
 * string that already is JSON text. Such a string is sent as-is when it parses as JSON. A string
 * that does not parse is sent as a JSON string literal ("hello" → "\"hello\""), except when it
 * starts with `{` or `[`: that is a broken template (e.g. an object interpolated inside quotes),
 * and quoting it would hide the mistake, so it is a problem instead.
 */
import type { Problem } from '../diagnostics/diagnostic.js';

/** Lower-cased media type without parameters: "Application/JSON; charset=utf-8" → "application/json". */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** application/json and any structured-syntax `+json` type (RFC 6839), e.g. application/problem+json. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  // The common case, once per response: no split, trim or lower-casing.
  if (contentType === 'application/json') return true;
  const type = mediaTypeOf(contentType);
  return type === 'application/json' || type.endsWith('+json');
}

/** application/xml, text/xml and any structured-syntax `+xml` type (RFC 7303). */
export function isXmlMediaType(contentType: string): boolean {
  const type = mediaTypeOf(contentType);
  return type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml');
}

function parsesAsJson(text: string): { ok: true } | { ok: false; message: string } {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function encodeJsonText(value: unknown): { ok: true; text: string } | { ok: false; problem: Problem } {
  if (typeof value === 'string') {
    const parsed = parsesAsJson(value);
    if (parsed.ok) return { ok: true, text: value };
    if (/^\s*[{[]/.test(value)) {
      return {
        ok: false,
        problem: {
          code: 'request-body-invalid-json',
          message: `the JSON payload text is not valid JSON after interpolation: ${parsed.message}`,
          hint: 'an object or array put inside quotes ("{$inputs.obj}") breaks a JSON template; write the payload as YAML/JSON structure instead of a string',
        },
      };
    }
    return { ok: true, text: JSON.stringify(value) };
  }
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return { ok: true, text };
  } catch {
    // BigInt or a cycle: reported below, like any other value JSON cannot represent.
  }
  return {
    ok: false,
    problem: { code: 'request-body-not-encodable', message: `a ${typeof value} value cannot be written as JSON` },
  };
}

/**
 * Text of a `content` parameter. JSON media types follow encodeJsonText, but leniently: a value
 * that cannot be JSON falls back to its string form, because a parameter has no problem channel
 * worth a failed step (values come from YAML/JSON and are always representable anyway).
 */
export function contentParameterText(value: unknown, contentType: string): string {
  if (!isJsonMediaType(contentType) && typeof value === 'string') return value;
  const encoded = encodeJsonText(value);
  return encoded.ok ? encoded.text : String(value);
}
