/**
 * A JSON template (spec "JSON Templated Example": a string payload with `{$…}` inside) rendered
 * as JSON, never by pasting raw text (issue 10 item 1). The literal text is scanned for string
 * tokens; a value inside a JSON string is inserted JSON-escaped (numbers and booleans as their
 * text, objects and arrays inside longer text as their JSON text, null or no value as nothing),
 * a value outside one as a JSON value (strings quoted, objects serialised, no value as `null`).
 * So whatever a value holds, it cannot end a string or add a member: `x", "role": "admin` stays
 * the text of one string.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RenderedTemplate, TemplateHole } from '../expressions/render-payload.js';

export type TemplateText = { ok: true; text: string } | { ok: false; problem: Problem };

const notJson = (hole: TemplateHole): TemplateText => ({
  ok: false,
  problem: { code: 'request-body-not-encodable', message: `the value of ${hole.expression} cannot be written as JSON`, hint: 'a BigInt or a cyclic value has no JSON form' },
});

function stringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined; // BigInt or a cycle
  }
}

/** What goes between the quotes: the value's text, escaped (lone surrogates become \udxxx). */
function insideString(hole: TemplateHole): string | undefined {
  const { value } = hole;
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? stringify(value) : String(value);
  return text === undefined ? undefined : JSON.stringify(text).slice(1, -1);
}

const outsideString = (hole: TemplateHole): string | undefined => (hole.value === undefined ? 'null' : stringify(hole.value));

type Place = 'outside' | 'inside' | 'whole-string';

/**
 * Inserts each hole with `insert(hole, place)`; `whole-string` is a hole that is all of a string
 * token (`"{$x}"`). Only the literal text moves the scanner: an inserted value is always a
 * complete JSON value or complete string content.
 */
function fill(template: RenderedTemplate, insert: (hole: TemplateHole, place: Place) => string | TemplateText): TemplateText {
  const { parts } = template;
  let text = '';
  let inString = false;
  let escaped = false;
  let openedAt = -1;
  for (const [index, part] of parts.entries()) {
    if (typeof part !== 'string') {
      const next = parts[index + 1];
      const whole = inString && openedAt === text.length && typeof next === 'string' && next.startsWith('"');
      const inserted = insert(part, !inString ? 'outside' : whole ? 'whole-string' : 'inside');
      if (typeof inserted !== 'string') return inserted;
      text += inserted;
      escaped = false;
      continue;
    }
    for (const char of part) {
      text += char;
      if (!inString) {
        inString = char === '"';
        openedAt = text.length;
      } else if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    }
  }
  return { ok: true, text };
}

/**
 * `"{$inputs.customer}"` with an object or array: the author meant the value, not a string of
 * its JSON text, and a string would pass unnoticed until the server rejects it (or not). It is
 * an error, as the lint warning template-object-in-quotes announces. Inside longer text
 * (`"note: {$x}"`) an object is its JSON text, escaped.
 */
const objectInQuotes = (hole: TemplateHole): TemplateText => ({
  ok: false,
  problem: {
    code: 'request-body-invalid-json',
    message: `"{${hole.expression}}" puts an object or array inside a JSON string of the template payload`,
    hint: 'drop the quotes around {$…}: outside quotes the value is inserted as JSON',
  },
});

function insertValue(hole: TemplateHole, place: Place): string | TemplateText {
  if (place === 'whole-string' && hole.value !== null && typeof hole.value === 'object') return objectInQuotes(hole);
  const inserted = place === 'outside' ? outsideString(hole) : insideString(hole);
  return inserted ?? notJson(hole);
}

const parses = (text: string): { ok: true } | { ok: false; message: string } => {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
};

/** Does the author's text, before any value, open a JSON object, array or string? */
export const looksLikeJson = (template: RenderedTemplate): boolean => {
  const first = template.parts[0];
  return typeof first === 'string' && /^\s*[{["]/.test(first);
};

/**
 * The JSON text to send. A rendering that does not parse is the template's own fault (values
 * are always complete JSON): a template that opens with `{`, `[` or `"` is then an error, and
 * the message comes from the template with placeholder values, so no value (maybe a secret)
 * appears in it. Any other template is plain text, sent as one JSON string.
 */
export function renderJsonTemplate(template: RenderedTemplate): TemplateText {
  const rendered = fill(template, insertValue);
  if (rendered.ok && parses(rendered.text).ok) return rendered;
  if (!looksLikeJson(template)) return { ok: true, text: JSON.stringify(template.toString()) };
  if (!rendered.ok) return rendered;
  const placeholder = fill(template, (_hole, place) => (place === 'outside' ? 'null' : ''));
  const why = placeholder.ok ? parses(placeholder.text) : ({ ok: true } as const);
  return {
    ok: false,
    problem: {
      code: 'request-body-invalid-json',
      message: `the JSON template payload is not valid JSON${why.ok ? '' : ` (with its values left out: ${why.message})`}`,
      hint: 'values are inserted JSON-escaped inside "…" and as JSON values outside quotes; fix the quotes, commas or brackets of the template text',
    },
  };
}
