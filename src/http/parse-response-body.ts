/**
 * Response bytes → the value criteria and outputs see (ResponseView.body). Pure.
 *
 * - empty (or, under a JSON type, whitespace only) → undefined: a 204 or an empty 200 has no body,
 *   and a JSON parse error there would turn a fine response into a failure.
 * - `application/json` and `*+json` → the parsed value; invalid JSON (or JSON nested deeper than
 *   MAX_RESPONSE_DEPTH) → `invalid-body` failure, because every `$response.body#/…` read would
 *   otherwise silently see a string.
 * - everything else → text, decoded with the declared charset (utf-8 when absent or unknown).
 * `bodyText` keeps the raw text for reports, cut at 64 KiB.
 */
import { isJsonMediaType } from '../engine/encode-json-text.js';

export const REPORT_TEXT_LIMIT = 64 * 1024;

export type ParsedBody =
  | { ok: true; body: unknown; bodyText?: string }
  | { ok: false; reason: 'invalid-body'; message: string; bodyText?: string };

// Without { stream: true } a decoder keeps no state between calls, so one serves every response.
const UTF8 = new TextDecoder('utf-8');

function decode(bytes: Uint8Array, contentType: string | undefined): string {
  const charset = contentType === undefined ? undefined : /;\s*charset="?([^";\s]+)"?/i.exec(contentType)?.[1];
  if (charset === undefined || /^utf-?8$/i.test(charset)) return UTF8.decode(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset label: utf-8 is the best guess and never throws (invalid bytes → U+FFFD).
    return UTF8.decode(bytes);
  }
}

/** The text for reports: whole up to the limit, else a prefix with a note of the full size. */
export function truncateForReport(text: string, totalBytes: number): string {
  if (text.length <= REPORT_TEXT_LIMIT) return text;
  return `${text.slice(0, REPORT_TEXT_LIMIT)}\n… (truncated; ${totalBytes} bytes in total)`;
}

export function parseResponseBody(contentType: string | undefined, bytes: Uint8Array): ParsedBody {
  if (bytes.length === 0) return { ok: true, body: undefined };
  const text = decode(bytes, contentType);
  const bodyText = truncateForReport(text, bytes.length);
  if (!isJsonMediaType(contentType)) return { ok: true, body: text, bodyText };
  if (text.trim() === '') return { ok: true, body: undefined, bodyText };
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: 'invalid-body',
      message: `the response says ${contentType ?? 'JSON'} but its body is not valid JSON: ${detail}`,
      bodyText,
    };
  }
  // Each level takes at least two characters ([ ] or { }): a shorter text cannot nest too deep.
  if (text.length > 2 * MAX_RESPONSE_DEPTH && depthOf(body) > MAX_RESPONSE_DEPTH) {
    return { ok: false, reason: 'invalid-body', message: `the JSON response nests deeper than ${MAX_RESPONSE_DEPTH} levels`, bodyText };
  }
  return { ok: true, body, bodyText };
}

/**
 * JSON.parse copes with any depth, but every later consumer (outputs, --json, reports) recurses:
 * a hostile body a million levels deep would crash the run at its very end.
 */
export const MAX_RESPONSE_DEPTH = 1000;

/** Nesting depth of a parsed JSON value, walked without recursion, stopping past the limit. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > MAX_RESPONSE_DEPTH) break;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
