/**
 * The one place a string-template payload becomes body text, by media type (issue 10 item 1):
 * JSON → render-json-template.ts, XML → render-xml-template.ts, a form
 * (`application/x-www-form-urlencoded`) → each value form-encoded as the form encoder does
 * (space as `+`), so `&` and `=` in a value stay data. Every other media type, and no media
 * type, has no escaping to apply: values are pasted as text (checklist §16.2).
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import { stringifyForTemplate } from '../expressions/evaluate-expression.js';
import type { RenderedTemplate, TemplateHole } from '../expressions/render-payload.js';
import { isJsonMediaType, isXmlMediaType, mediaTypeOf } from './encode-json-text.js';
import { renderJsonTemplate, type TemplateText } from './render-json-template.js';
import { renderXmlTemplate } from './render-xml-template.js';

export type { TemplateText } from './render-json-template.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function formValue(hole: TemplateHole): string | Problem {
  const text = stringifyForTemplate(hole.value);
  if (LONE_SURROGATE.test(text)) {
    return { code: 'request-body-not-encodable', message: `the value of ${hole.expression} holds a lone surrogate, which a form body (UTF-8) cannot carry` };
  }
  // URLSearchParams writes `k=v`; the value is what follows the `=`.
  return new URLSearchParams([['', text]]).toString().slice(1);
}

function renderFormTemplate(template: RenderedTemplate): TemplateText {
  let text = '';
  for (const part of template.parts) {
    const encoded = typeof part === 'string' ? part : formValue(part);
    if (typeof encoded !== 'string') return { ok: false, problem: encoded };
    text += encoded;
  }
  return { ok: true, text };
}

export function renderBodyTemplate(template: RenderedTemplate, contentType: string | undefined): TemplateText {
  if (contentType === undefined) return { ok: true, text: template.toString() };
  const type = mediaTypeOf(contentType);
  if (isJsonMediaType(type)) return renderJsonTemplate(template);
  if (isXmlMediaType(type)) return renderXmlTemplate(template);
  if (type === 'application/x-www-form-urlencoded') return renderFormTemplate(template);
  return { ok: true, text: template.toString() };
}
