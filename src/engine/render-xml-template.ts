/**
 * An XML template (spec "XML Templated Example") rendered with escaping (issue 10 item 1). The
 * literal text is scanned for where each value lands:
 * - element text: `&`, `<`, `>` escaped and `\r` as `&#13;` (parsers turn a raw CR into LF);
 * - an attribute value: also both quotes, and tab/LF/CR as character references (parsers turn
 *   raw ones into spaces);
 * - CDATA: `]]>` and CR split out of the section;
 * - inside a tag, outside quotes (a tag or attribute name): name characters only;
 * - a comment or processing instruction: the value must not contain its terminator.
 * A value XML 1.0 cannot carry at all (most control characters, lone surrogates, U+FFFE/FFFF)
 * is a problem, never sent mangled.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import { stringifyForTemplate } from '../expressions/evaluate-expression.js';
import type { RenderedTemplate, TemplateHole } from '../expressions/render-payload.js';
import type { TemplateText } from './render-json-template.js';

type Context = 'text' | 'tag' | 'attribute"' | "attribute'" | 'cdata' | 'comment' | 'pi';

const ENDS: Partial<Record<Context, string>> = { cdata: ']]>', comment: '-->', pi: '?>' };
const OPENS: ReadonlyArray<readonly [string, Context]> = [['<![CDATA[', 'cdata'], ['<!--', 'comment'], ['<?', 'pi'], ['<', 'tag']];

/** The context after `text`, starting in `context`. */
function advance(context: Context, text: string): Context {
  let i = 0;
  while (i < text.length) {
    const end = ENDS[context];
    if (end !== undefined) {
      const at = text.indexOf(end, i);
      if (at < 0) return context;
      i = at + end.length;
      context = 'text';
    } else if (context === 'text') {
      const at = text.indexOf('<', i);
      if (at < 0) return context;
      const [open, next] = OPENS.find(([prefix]) => text.startsWith(prefix, at))!;
      i = at + open.length;
      context = next;
    } else if (context === 'tag') {
      const char = text[i++];
      if (char === '"' || char === "'") context = `attribute${char}`;
      else if (char === '>') context = 'text';
    } else {
      const at = text.indexOf(context.slice(-1), i);
      if (at < 0) return context;
      i = at + 1;
      context = 'tag';
    }
  }
  return context;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** Name characters only: a value may complete a name, never add a space, quote, `=` or `>`. */
const XML_NAME_CHARS = /^[\p{L}\p{N}_:.\-\u00B7\u0300-\u036F\u203F-\u2040]+$/u;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;' };

function problem(hole: TemplateHole, why: string): TemplateText {
  const detail: Problem = { code: 'request-body-not-encodable', message: `the value of ${hole.expression} cannot be inserted into the XML template: ${why}` };
  return { ok: false, problem: detail };
}

function insert(hole: TemplateHole, context: Context): TemplateText {
  const value = stringifyForTemplate(hole.value);
  if (value === '') return { ok: true, text: '' };
  if (NOT_XML_CHAR.test(value)) return problem(hole, 'it holds a character XML 1.0 cannot represent (a control character or a lone surrogate)');
  switch (context) {
    case 'text':
      return { ok: true, text: value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!) };
    case 'attribute"':
    case "attribute'":
      return { ok: true, text: value.replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!) };
    case 'cdata':
      return { ok: true, text: value.replace(/]]>/g, ']]]]><![CDATA[>').replace(/\r/g, ']]>&#13;<![CDATA[') };
    case 'tag':
      return XML_NAME_CHARS.test(value) ? { ok: true, text: value } : problem(hole, 'inside a tag it may hold only XML name characters');
    case 'comment':
      return value.includes('--') || value.endsWith('-') ? problem(hole, 'a comment cannot hold "--"') : { ok: true, text: value };
    case 'pi':
      return value.includes('?>') ? problem(hole, 'it would end the processing instruction') : { ok: true, text: value };
  }
}

export function renderXmlTemplate(template: RenderedTemplate): TemplateText {
  let context: Context = 'text';
  let text = '';
  for (const part of template.parts) {
    if (typeof part === 'string') {
      text += part;
      context = advance(context, part);
      continue;
    }
    const inserted = insert(part, context);
    if (!inserted.ok) return inserted;
    text += inserted.text;
  }
  return { ok: true, text };
}
