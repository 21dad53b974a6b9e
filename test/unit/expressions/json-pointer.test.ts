import { describe, expect, it } from 'vitest';
import { formatPointer, parsePointer, resolvePointer } from '../../../src/expressions/json-pointer.js';

describe('JSON Pointer (RFC 6901; Arazzo 1.0.1 §Runtime Expressions json-pointer)', () => {
  it('decodes ~1 to "/" and ~0 to "~", in that order', () => {
    expect(parsePointer('/a~1b/~01/0')).toEqual({ ok: true, tokens: ['a/b', '~1', '0'] });
  });

  it('reads the empty pointer as the whole document and "/" as the empty key', () => {
    expect(parsePointer('')).toEqual({ ok: true, tokens: [] });
    expect(parsePointer('/')).toEqual({ ok: true, tokens: [''] });
  });

  it('rejects a "~" not followed by 0 or 1, at its offset', () => {
    const result = parsePointer('/ab/c~2');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ code: 'expression-invalid-pointer', offset: 5 });
    const trailing = parsePointer('/a~');
    if (trailing.ok) throw new Error('expected failure');
    expect(trailing.problem.offset).toBe(2);
  });

  it('rejects a pointer that does not start with "/"', () => {
    const result = parsePointer('a/b');
    expect(result).toMatchObject({ ok: false, problem: { code: 'expression-invalid-pointer', offset: 0 } });
  });

  it('formats tokens back, escaping "~" before "/"', () => {
    expect(formatPointer(['a/b', '~1', ''])).toBe('/a~1b/~01/');
    expect(formatPointer([])).toBe('');
  });

  it('round-trips format → parse', () => {
    const tokens = ['x~/y', '', '0', '~~//'];
    expect(parsePointer(formatPointer(tokens))).toEqual({ ok: true, tokens });
  });
});

describe('resolvePointer (RFC 6901 §4 evaluation, own properties only)', () => {
  const doc = { items: [{ id: 7 }, { id: 8 }], 'a/b': { '~': true }, zero: 0, nothing: null };

  it('walks objects and arrays', () => {
    expect(resolvePointer(doc, ['items', '1', 'id'])).toEqual({ found: true, value: 8 });
    expect(resolvePointer(doc, ['a/b', '~'])).toEqual({ found: true, value: true });
    expect(resolvePointer(doc, [])).toEqual({ found: true, value: doc });
  });

  it('finds falsy values (0, null) rather than treating them as missing', () => {
    expect(resolvePointer(doc, ['zero'])).toEqual({ found: true, value: 0 });
    expect(resolvePointer(doc, ['nothing'])).toEqual({ found: true, value: null });
  });

  it('accepts only canonical array indexes', () => {
    for (const token of ['01', '-1', '-', '1.0', ' 1', '2', 'length']) {
      expect(resolvePointer(doc, ['items', token]).found, token).toBe(false);
    }
  });

  it('never reaches a prototype through __proto__, constructor or prototype', () => {
    for (const token of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(resolvePointer({}, [token]).found, token).toBe(false);
      expect(resolvePointer([], [token]).found, token).toBe(false);
    }
    expect(resolvePointer({ a: 1 }, ['constructor', 'prototype']).found).toBe(false);
  });

  it('finds an own property literally named __proto__', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(resolvePointer(value, ['__proto__', 'x'])).toEqual({ found: true, value: 1 });
  });

  it('reports where navigation stopped when a scalar is in the way', () => {
    const result = resolvePointer({ a: 'text' }, ['a', 'b']);
    expect(result.found).toBe(false);
    if (!result.found) expect(result.reason).toContain('/a');
  });
});
