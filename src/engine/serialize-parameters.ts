/**
 * OpenAPI 3.x parameter serialization (Parameter Object `style` / `explode` / `allowReserved` /
 * `content`), one function per location. Arrays and objects are recognised from the runtime
 * value, not the schema: an Arazzo value that is exactly an expression keeps its type (checklist
 * §7.5), so `ids: [1, 2]` serialises as an array even if the schema is missing.
 *
 * Shared value rules: numbers and booleans use String(); null is the empty value (Arazzo allows
 * `value: null`); arrays or objects nested inside an array/object are sent as JSON text; object
 * entries whose value is undefined are skipped. Callers omit parameters whose value is undefined.
 */
import type { ParameterLocation } from '../plan/operation.js';
import { encodeCookieValue, encodeReserved, encodeUnreserved } from './encode-uri-part.js';
import { contentParameterText } from './encode-json-text.js';

export interface ParameterStyle {
  name: string;
  in: ParameterLocation;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  /** Set when the OpenAPI parameter uses `content`: the value is serialised as that media type. */
  contentType?: string;
}

type Shape =
  | { kind: 'primitive'; text: string }
  | { kind: 'array'; items: string[] }
  | { kind: 'object'; entries: Array<[string, string]> };

function itemText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(itemText) };
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return { kind: 'object', entries: entries.map(([k, v]) => [k, itemText(v)]) };
  }
  return { kind: 'primitive', text: itemText(value) };
}

/** Text of a `content` parameter: JSON media types get JSON text, others strings as given. */
function contentText(def: ParameterStyle, value: unknown): string {
  return contentParameterText(value, def.contentType ?? 'application/json');
}

/** Flattened "k,v,k,v" or exploded "k=v" pieces of an object, each part encoded. */
function objectParts(entries: Array<[string, string]>, explode: boolean, enc: (s: string) => string): string[] {
  return explode
    ? entries.map(([k, v]) => `${enc(k)}=${enc(v)}`)
    : entries.flatMap(([k, v]) => [enc(k), enc(v)]);
}

/** Replacement text for `{name}` in the path template: simple (default), label or matrix. */
export function serializePathParameter(def: ParameterStyle, value: unknown): string {
  const enc = encodeUnreserved;
  if (def.contentType !== undefined) return enc(contentText(def, value));
  const style = def.style ?? 'simple';
  const explode = def.explode ?? false;
  const shape = shapeOf(value);
  const name = enc(def.name);
  if (style === 'label') {
    if (shape.kind === 'primitive') return `.${enc(shape.text)}`;
    const parts = shape.kind === 'array' ? shape.items.map(enc) : objectParts(shape.entries, explode, enc);
    return `.${parts.join(explode ? '.' : ',')}`;
  }
  if (style === 'matrix') {
    if (shape.kind === 'primitive') return shape.text === '' ? `;${name}` : `;${name}=${enc(shape.text)}`;
    if (shape.kind === 'array' && explode) return shape.items.map((i) => `;${name}=${enc(i)}`).join('');
    if (shape.kind === 'object' && explode) return objectParts(shape.entries, true, enc).map((p) => `;${p}`).join('');
    const parts = shape.kind === 'array' ? shape.items.map(enc) : objectParts(shape.entries, false, enc);
    return parts.length === 0 ? `;${name}` : `;${name}=${parts.join(',')}`;
  }
  if (shape.kind === 'primitive') return enc(shape.text);
  const parts = shape.kind === 'array' ? shape.items.map(enc) : objectParts(shape.entries, explode, enc);
  return parts.join(',');
}

// As in the OAS 3.1.1 style table: '|', '[' and ']' are not allowed raw in a query (RFC 3986),
// so they are percent-encoded; servers decode names and values before splitting anyway.
const DELIMITERS: Readonly<Record<string, string>> = { form: ',', spaceDelimited: '%20', pipeDelimited: '%7C' };

/** deepObject: `name[key]=value` (brackets encoded); nested objects recurse, arrays repeat the key. */
function deepObjectPairs(prefix: string, value: unknown, enc: (s: string) => string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => deepObjectPairs(prefix, item, enc));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .flatMap(([k, v]) => deepObjectPairs(`${prefix}%5B${encodeUnreserved(k)}%5D`, v, enc));
  }
  return [`${prefix}=${enc(itemText(value))}`];
}

/**
 * Encoded `name=value` pairs for the query string: form (default, explode true), spaceDelimited,
 * pipeDelimited, deepObject. Exploded space/pipe-delimited values have no table entry in OpenAPI
 * and fall back to form; an unknown style is treated as form.
 */
export function serializeQueryParameter(def: ParameterStyle, value: unknown): string[] {
  const enc = def.allowReserved === true ? encodeReserved : encodeUnreserved;
  const name = encodeUnreserved(def.name);
  if (def.contentType !== undefined) return [`${name}=${encodeUnreserved(contentText(def, value))}`];
  const style = def.style !== undefined && def.style in DELIMITERS || def.style === 'deepObject' ? def.style : 'form';
  const explode = def.explode ?? style === 'form';
  const shape = shapeOf(value);
  if (style === 'deepObject' && shape.kind === 'object') return deepObjectPairs(name, value, enc);
  if (shape.kind === 'primitive') return [`${name}=${enc(shape.text)}`];
  if (explode) {
    return shape.kind === 'array'
      ? shape.items.map((item) => `${name}=${enc(item)}`)
      : objectParts(shape.entries, true, enc);
  }
  const delimiter = DELIMITERS[style] ?? ',';
  const parts = shape.kind === 'array' ? shape.items.map(enc) : objectParts(shape.entries, false, enc);
  return [`${name}=${parts.join(delimiter)}`];
}

/** Header value, style simple; headers are not percent-encoded (the caller rejects CR/LF). */
export function serializeHeaderParameter(def: ParameterStyle, value: unknown): string {
  if (def.contentType !== undefined) return contentText(def, value);
  const shape = shapeOf(value);
  if (shape.kind === 'primitive') return shape.text;
  if (shape.kind === 'array') return shape.items.join(',');
  return objectParts(shape.entries, def.explode ?? false, (s) => s).join(',');
}

/**
 * `name=value` pieces for the single Cookie header: style form, explode true by default (so an
 * array becomes `c=a; c=b`, as the OpenAPI form table reads for cookies). Values use cookie-octet
 * encoding, see encodeCookieValue.
 */
export function serializeCookieParameter(def: ParameterStyle, value: unknown): string[] {
  const enc = encodeCookieValue;
  const name = enc(def.name);
  if (def.contentType !== undefined) return [`${name}=${enc(contentText(def, value))}`];
  const explode = def.explode ?? true;
  const shape = shapeOf(value);
  if (shape.kind === 'primitive') return [`${name}=${enc(shape.text)}`];
  if (explode) {
    return shape.kind === 'array' ? shape.items.map((i) => `${name}=${enc(i)}`) : objectParts(shape.entries, true, enc);
  }
  const parts = shape.kind === 'array' ? shape.items.map(enc) : objectParts(shape.entries, false, enc);
  return [`${name}=${parts.join(',')}`];
}
