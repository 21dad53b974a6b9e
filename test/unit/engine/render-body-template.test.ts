/**
 * Issue 10 item 1: how a string-template payload becomes body text for each media type
 * (spec §Request Body Object, "JSON Templated Example", "XML Templated Example").
 */
import { describe, expect, it } from 'vitest';
import { applyReplacements } from '../../../src/engine/apply-replacements.js';
import { renderBodyTemplate, type TemplateText } from '../../../src/engine/render-body-template.js';
import { compileValue } from '../../../src/expressions/compile-value.js';
import { RenderedTemplate, renderPayload } from '../../../src/expressions/render-payload.js';

const inputs: Record<string, unknown> = { s: 'x", "role": "admin', n: 5, obj: { a: [1, 'b'] }, nil: null, secret: 's3cr3t-"value' };
const rendered = (template: string): RenderedTemplate => {
  const value = renderPayload(compileValue(template).template, { inputs, steps: {}, workflows: {}, sourceDescriptions: {} });
  if (!(value instanceof RenderedTemplate)) throw new Error('not a template');
  return value;
};
const text = (result: TemplateText): string => {
  if (!result.ok) throw new Error(result.problem.message);
  return result.text;
};
const render = (template: string, type?: string): TemplateText => renderBodyTemplate(rendered(template), type);

describe('JSON templates', () => {
  it('inside a string: the value\'s text, escaped; outside: the JSON value', () => {
    expect(JSON.parse(text(render('{"a": "{$inputs.s}", "b": {$inputs.s}, "n": {$inputs.n}, "o": {$inputs.obj}}', 'application/json')))).toEqual({
      a: inputs.s, b: inputs.s, n: 5, o: { a: [1, 'b'] },
    });
  });

  it('inside longer text an object is its JSON text; a number inside quotes is its digits', () => {
    expect(JSON.parse(text(render('{"o": "o={$inputs.obj}", "n": "{$inputs.n}"}', 'application/problem+json')))).toEqual({ o: 'o={"a":[1,"b"]}', n: '5' });
  });

  it('decision: an object or array that is a whole JSON string ("{$inputs.obj}") is an error, as lint warns (template-object-in-quotes)', () => {
    expect(render('{"o": "{$inputs.obj}"}', 'application/json')).toMatchObject({ ok: false, problem: { code: 'request-body-invalid-json' } });
  });

  it('no value or null: "" inside a string, null outside', () => {
    expect(JSON.parse(text(render('{"a": "{$inputs.missing}", "b": {$inputs.missing}, "c": "{$inputs.nil}", "d": {$inputs.nil}}', 'application/json')))).toEqual({ a: '', b: null, c: '', d: null });
  });

  it('escaped quotes in the template\'s own text do not confuse the string tracking', () => {
    expect(JSON.parse(text(render('{"q\\"{$inputs.n}": "\\\\", "v": {$inputs.s}}', 'application/json')))).toEqual({ 'q"5': '\\', v: inputs.s });
  });

  it('decision: a template opening with { [ or " that is not JSON is request-body-invalid-json, and no value is in the message', () => {
    const result = render('{"a": "{$inputs.secret}", "b": {$inputs.n},}', 'application/json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('request-body-invalid-json');
    expect(result.problem.message).not.toContain('s3cr3t');
  });

  it('decision: any other template under JSON is plain text sent as one JSON string', () => {
    expect(JSON.parse(text(render('hello {$inputs.s}', 'application/json')))).toBe(`hello ${inputs.s}`);
  });

  it('payload replacements see the JSON-rendered template', () => {
    const replaced = applyReplacements(rendered('{"a": "{$inputs.s}", "b": 0}'), [{ target: ['b'], value: 9 }]);
    expect(replaced).toEqual({ ok: true, value: { a: inputs.s, b: 9 } });
  });
});

describe('XML templates', () => {
  it('text, attribute and CDATA escaping', () => {
    expect(text(render('<a t="{$inputs.s}">{$inputs.s}<![CDATA[{$inputs.s}]]></a>', 'text/xml'))).toBe(
      '<a t="x&quot;, &quot;role&quot;: &quot;admin">x", "role": "admin<![CDATA[x", "role": "admin]]></a>',
    );
    expect(text(render('<a>{$inputs.v}</a>', 'application/xml'))).toBe('<a></a>');
  });

  it('a value in a tag may hold only name characters; a control character cannot be sent', () => {
    expect(text(render('<item{$inputs.n}/>', 'application/soap+xml'))).toBe('<item5/>');
    expect(render('<item {$inputs.s}="1"/>', 'application/xml')).toMatchObject({ ok: false, problem: { code: 'request-body-not-encodable' } });
    const withControl = renderBodyTemplate(new RenderedTemplate(['<a>', { value: 'bell\u0007', expression: '$inputs.b' }, '</a>']), 'application/xml');
    expect(withControl).toMatchObject({ ok: false, problem: { code: 'request-body-not-encodable' } });
  });

  it('a comment cannot be closed by a value', () => {
    expect(renderBodyTemplate(new RenderedTemplate(['<!-- ', { value: '--><x/>', expression: '$inputs.c' }, ' --><a/>']), 'application/xml').ok).toBe(false);
  });
});

describe('form and other media types', () => {
  it('form values are form-encoded', () => {
    expect(text(render('q={$inputs.s}&n={$inputs.n}', 'application/x-www-form-urlencoded; charset=utf-8'))).toBe('q=x%22%2C+%22role%22%3A+%22admin&n=5');
  });

  it('text/plain and no content type: values pasted as text (checklist §16.2)', () => {
    expect(text(render('s={$inputs.s} o={$inputs.obj}', 'text/plain'))).toBe('s=x", "role": "admin o={"a":[1,"b"]}');
    expect(text(render('{$inputs.n}!'))).toBe('5!');
  });
});
