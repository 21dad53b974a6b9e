/**
 * Generators biased towards the grammars under test, so the parsers' deeper branches are
 * reached, mixed with arbitrary Unicode (lone surrogates included) for everything else.
 */
import fc from 'fast-check';
import type { ExpressionScope } from '../../../src/expressions/scope.js';
import { setOwn } from '../../../src/document/set-own.js';

const EXPRESSION_FRAGMENTS = [
  '$', '$url', '$method', '$statusCode', '$request.', '$response.', '$inputs.', '$outputs.', '$steps.', '$workflows.',
  '$sourceDescriptions.', '$components.', 'header.', 'query.', 'path.', 'body', '#', '#/', '/', '~', '~0', '~1', '~2',
  '.', '..', 'outputs', 'inputs', 'parameters', 'successActions', 'failureActions', 'x', 'a-b', 'a_b', 'Content-Type',
  '__proto__', 'constructor', 'prototype', '{', '}', '{$', '{{', '}}', ' ', '\t', '\n', '%20', '0', '00', '-1', '[0]',
  '[', ']', "'", '"', '\\', 'é', '😀', '\ud800', '\u0000',
];

const CONDITION_FRAGMENTS = [
  ...EXPRESSION_FRAGMENTS, '==', '!=', '<', '<=', '>', '>=', '&&', '||', '!', '(', ')', 'true', 'false', 'null',
  "'text'", "'it''s'", '"double"', '1', '-2.5', '1e3', '0x10', '$.', '$.state', '$[0]', "['k']", '.name', ' && ', ' || ',
];

const fromFragments = (fragments: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength }).map((parts) => parts.join(''));

/** Mostly grammar-shaped text, sometimes any UTF-16 (lone surrogates included). */
export const expressionText = fc.oneof(
  { weight: 4, arbitrary: fromFragments(EXPRESSION_FRAGMENTS, 12) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
);

export const conditionText = fc.oneof(
  { weight: 4, arbitrary: fromFragments(CONDITION_FRAGMENTS, 16) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
);

/** Strings a document value may hold: bare expressions, `{...}` templates, plain text. */
export const templateText = fc.oneof(
  expressionText,
  fc.tuple(fc.string({ maxLength: 5 }), expressionText, fc.string({ maxLength: 5 })).map(([a, e, b]) => `${a}{${e}}${b}`),
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const key = fc.oneof(fc.constantFrom(...PROTO_KEYS, 'a', 'b', 'state', 'id', '0', '1', ''), fc.string({ maxLength: 6 }));

/** JSON-like values whose keys include the prototype-shaped ones (as own properties). */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'a', 'ready', Number.NaN, Number.POSITIVE_INFINITY),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [name, item] of entries) setOwn(object, name, item);
      return object;
    }),
  ),
})).value;

/** A document value to compile: templates at the leaves, containers around them. */
export const documentValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    templateText,
    jsonish,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const record = fc.dictionary(key, jsonish, { maxKeys: 4 });

export const scope: fc.Arbitrary<ExpressionScope> = fc.record({
  inputs: record,
  steps: fc.dictionary(key, record, { maxKeys: 3 }),
  workflows: fc.dictionary(key, fc.record({ inputs: record, outputs: record }, { requiredKeys: [] }), { maxKeys: 2 }),
  sourceDescriptions: fc.dictionary(key, fc.record({ name: fc.string({ maxLength: 4 }), url: fc.string({ maxLength: 8 }) }), { maxKeys: 2 }),
  outputs: fc.option(record, { nil: undefined }),
  request: fc.option(fc.record({
    url: fc.string({ maxLength: 10 }),
    method: fc.constantFrom('GET', 'POST'),
    headers: fc.dictionary(key, fc.string({ maxLength: 6 }), { maxKeys: 3 }),
    query: record,
    path: record,
    body: jsonish,
  }), { nil: undefined }),
  response: fc.option(fc.record({
    statusCode: fc.integer({ min: 100, max: 599 }),
    headers: fc.dictionary(key, fc.string({ maxLength: 6 }), { maxKeys: 3 }),
    body: jsonish,
  }), { nil: undefined }),
}, { requiredKeys: ['inputs', 'steps', 'workflows', 'sourceDescriptions'] }) as fc.Arbitrary<ExpressionScope>;
