/**
 * Request body encoding by media type (Arazzo Request Body Object; checklist §8.3). The value is
 * the payload after expression evaluation and replacements.
 *
 * - undefined → no body at all.
 * - a string template (RenderedTemplate) → rendered for the media type first
 *   (render-body-template.ts: JSON-, XML- or form-escaped values), then as a string below.
 * - Uint8Array → sent as bytes under any media type (application/octet-stream when none given).
 * - JSON (`application/json`, `*+json`) → JSON text; for strings see encode-json-text.ts
 *   (JSON text is sent as-is, a broken `{…`/`[…` template is a problem, other strings are quoted).
 * - `application/x-www-form-urlencoded` → an object becomes `k=v&…` (WHATWG form encoding, space as
 *   `+`); arrays repeat the key; nested objects are sent as JSON text; null is `k=`. A string is
 *   sent as-is (spec "Form Data String Example").
 * - `multipart/form-data` → an object becomes parts (encode-multipart.ts); the returned content
 *   type carries the boundary. A string is only accepted when the content type names its boundary.
 * - XML (`application/xml`, `text/xml`, `*+xml`) → a string as given; objects are a problem (no
 *   object → XML mapping is defined).
 * - `text/*` and every other media type → a string as given, anything else as JSON text.
 * - no media type → a string as given with no Content-Type; anything else JSON as application/json.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import { RenderedTemplate } from '../expressions/render-payload.js';
import { encodeJsonText, isJsonMediaType, isXmlMediaType, mediaTypeOf } from './encode-json-text.js';
import { encodeMultipart, generateBoundary } from './encode-multipart.js';
import { renderBodyTemplate } from './render-body-template.js';

export type EncodedBody =
  | { ok: true; body?: string | Uint8Array; contentType?: string }
  | { ok: false; problem: Problem };

export interface EncodeBodyOptions {
  /** Multipart boundary; generated when absent (tests pass one to get a fixed body). */
  boundary?: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value);

function notEncodable(what: string, contentType: string, hint?: string): EncodedBody {
  const problem: Problem = { code: 'request-body-not-encodable', message: `${what} cannot be sent as ${contentType}` };
  return { ok: false, problem: hint === undefined ? problem : { ...problem, hint } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} value`;
}

function encodeJson(value: unknown, contentType: string): EncodedBody {
  const encoded = encodeJsonText(value);
  return encoded.ok ? { ok: true, body: encoded.text, contentType } : encoded;
}

function encodeForm(value: unknown, contentType: string): EncodedBody {
  if (typeof value === 'string') return { ok: true, body: value, contentType };
  if (!isPlainObject(value)) return notEncodable(describe(value), contentType, 'use an object of fields or a k=v&… string');
  const params = new URLSearchParams();
  const text = (v: unknown): string => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    for (const item of Array.isArray(field) ? field : [field]) params.append(key, text(item));
  }
  return { ok: true, body: params.toString(), contentType };
}

function encodeFormData(value: unknown, contentType: string, options: EncodeBodyOptions): EncodedBody {
  const declared = /;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (typeof value === 'string' && declared !== undefined) return { ok: true, body: value, contentType };
  if (!isPlainObject(value)) {
    return notEncodable(describe(value), contentType, 'use an object with one property per part');
  }
  const boundary = declared ?? options.boundary ?? generateBoundary();
  const type = declared === undefined ? `${contentType}; boundary=${boundary}` : contentType;
  return { ok: true, body: encodeMultipart(value, boundary), contentType: type };
}

function encodeText(value: unknown, contentType: string, xml: boolean): EncodedBody {
  if (typeof value === 'string') return { ok: true, body: value, contentType };
  if (xml && value !== null && typeof value === 'object') {
    return notEncodable(describe(value), contentType, 'write the XML document as a string payload');
  }
  return encodeJson(value, contentType);
}

export function encodeBody(payload: unknown, contentType: string | undefined, options: EncodeBodyOptions = {}): EncodedBody {
  if (payload === undefined) return { ok: true };
  let value = payload;
  if (payload instanceof RenderedTemplate) {
    const rendered = renderBodyTemplate(payload, contentType);
    if (!rendered.ok) return rendered;
    value = rendered.text;
  }
  if (value instanceof Uint8Array) return { ok: true, body: value, contentType: contentType ?? 'application/octet-stream' };
  if (contentType === undefined) {
    return typeof value === 'string' ? { ok: true, body: value } : encodeJson(value, 'application/json');
  }
  const type = mediaTypeOf(contentType);
  if (isJsonMediaType(type)) return encodeJson(value, contentType);
  if (type === 'application/x-www-form-urlencoded') return encodeForm(value, contentType);
  if (type === 'multipart/form-data') return encodeFormData(value, contentType, options);
  return encodeText(value, contentType, isXmlMediaType(type));
}
