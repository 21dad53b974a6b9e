/**
 * Issue 10 item 1 › fuzz: whatever value a string-template payload receives, the body sent
 * parses as its media type and gives the value back exactly (compileValue → renderPayload →
 * encodeBody, the run's own path). JSON: inside a string token the value's text, outside one the
 * value itself. XML: attribute, text and CDATA. Form: a field. A value a format cannot carry
 * (a lone surrogate in XML or a form, XML's forbidden controls) is a problem, never a body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBody } from '../../src/engine/encode-body.js';
import { compileValue } from '../../src/expressions/compile-value.js';
import { stringifyForTemplate } from '../../src/expressions/evaluate-expression.js';
import { renderPayload } from '../../src/expressions/render-payload.js';
import type { ExpressionScope } from '../../src/expressions/scope.js';
import { parseXml, textOf, type XmlElement } from '../support/parse-xml.js';
import { FUZZ_RUNS, FUZZ_TIME_LIMIT_MS, withinTimeLimit } from './support/within-time-limit.js';

const scopeWith = (v: unknown): ExpressionScope => ({ inputs: { v }, steps: {}, workflows: {}, sourceDescriptions: {} });

function send(template: string, value: unknown, contentType: string): ReturnType<typeof encodeBody> {
  const compiled = compileValue(template);
  expect(compiled.template.kind).toBe('template');
  return encodeBody(renderPayload(compiled.template, scopeWith(value)), contentType);
}

/** JSON has no -0; everything else must come back as it was. */
const withoutMinusZero = (v: unknown): unknown => {
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(withoutMinusZero);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutMinusZero(x)]));
  return v;
};
const jsonish = fc.jsonValue({ stringUnit: 'binary' }).map(withoutMinusZero);
const anyString = fc.string({ unit: 'binary', maxLength: 40 });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('Issue 10 item 1 › fuzz: string-template bodies round-trip any value', () => {
  it(`JSON: a value inside a string token and as a member value (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(jsonish, (value) => {
        const encoded = send('{"inside": "<{$inputs.v}>", "outside": {$inputs.v}, "list": [1, {$inputs.v}]}', value, 'application/json');
        if (!encoded.ok) throw new Error(encoded.problem.message);
        const sent = JSON.parse(encoded.body as string) as Record<string, unknown>;
        expect(Object.keys(sent)).toEqual(['inside', 'outside', 'list']);
        expect(sent.inside).toBe(`<${stringifyForTemplate(value)}>`);
        expect(sent.outside).toEqual(value);
        expect(sent.list).toEqual([1, value]);
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });

  it(`XML: a string in an attribute, in text and in CDATA (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(anyString, (value) => {
        const encoded = send('<r a="{$inputs.v}" b=\'{$inputs.v}\'>{$inputs.v}<c><![CDATA[{$inputs.v}]]></c></r>', value, 'application/xml');
        expect(encoded.ok).toBe(!NOT_XML.test(value));
        if (!encoded.ok) return;
        const root = parseXml(encoded.body as string);
        expect(root.attributes).toEqual({ a: value, b: value });
        expect(root.children).toEqual([...(value === '' ? [] : [value]), { name: 'c', attributes: {}, children: value === '' ? [] : [value] } satisfies XmlElement]);
        expect(textOf(root)).toBe(value + value);
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });

  it(`form: a string as a field value (${FUZZ_RUNS} inputs)`, () => {
    withinTimeLimit(FUZZ_TIME_LIMIT_MS, () => fc.assert(
      fc.property(anyString, (value) => {
        const encoded = send('a={$inputs.v}&b=1', value, 'application/x-www-form-urlencoded');
        expect(encoded.ok).toBe(!LONE_SURROGATE.test(value));
        if (!encoded.ok) return;
        expect([...new URLSearchParams(encoded.body as string).entries()]).toEqual([['a', value], ['b', '1']]);
      }),
      { numRuns: FUZZ_RUNS },
    ));
  });
});
