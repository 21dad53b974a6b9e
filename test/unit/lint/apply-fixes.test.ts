// Issue 12 item 14: lint --fix writes each fix into its scalar's CST token; every other byte stays.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyFixes } from '../../../src/lint/apply-fixes.js';

const YAML_TEXT = `# top comment
arazzo: 1.0.1
steps:
  - stepId: a   # trailing
    value: $respons.body   # keep me
    other: 'quoted $x'

    number: plain
    json: {"a": "b", c: d}
`;

describe('issue 12 item 14: applyFixes keeps comments and layout', () => {
  it('replaces only the fixed scalars, keeping their quoting, comments and blank lines', () => {
    const { text, applied } = applyFixes(YAML_TEXT, [
      { pointer: '/steps/0/value', fix: '$response.body' },
      { pointer: '/steps/0/other', fix: 'quoted {$x}' },
      { pointer: '/steps/0/json/a', fix: 'B' },
    ]);
    expect(applied).toHaveLength(3);
    expect(text).toBe(YAML_TEXT.replace('$respons.body', '$response.body').replace("'quoted $x'", "'quoted {$x}'").replace('"a": "b"', '"a": "B"'));
  });

  it('a replacement that would not read back as plain text is double-quoted', () => {
    const { text } = applyFixes(YAML_TEXT, [{ pointer: '/steps/0/number', fix: '123' }, { pointer: '/steps/0/json/c', fix: 'x: {y}' }]);
    const value = parse(text) as { steps: Array<{ number: unknown; json: { c: unknown } }> };
    expect(value.steps[0]!.number).toBe('123');
    expect(value.steps[0]!.json.c).toBe('x: {y}');
    expect(text).toContain('# keep me');
  });

  it('JSON documents stay JSON', () => {
    const json = '{\n  "a": [ "$steps.s.x" ],\n  "b": 1\n}\n';
    const { text } = applyFixes(json, [{ pointer: '/a/0', fix: '$steps.s.outputs.x' }]);
    expect(text).toBe('{\n  "a": [ "$steps.s.outputs.x" ],\n  "b": 1\n}\n');
    expect(JSON.parse(text)).toEqual({ a: ['$steps.s.outputs.x'], b: 1 });
  });

  it('a pointer at no string, and a second fix for the same value, are left alone', () => {
    const { text, applied } = applyFixes(YAML_TEXT, [
      { pointer: '/steps/0/missing', fix: 'x' },
      { pointer: '/steps', fix: 'x' },
      { pointer: '/steps/0/value', fix: 'first' },
      { pointer: '/steps/0/value', fix: 'second' },
    ]);
    expect(applied).toEqual([{ pointer: '/steps/0/value', fix: 'first' }]);
    expect(text).toBe(YAML_TEXT.replace('$respons.body', 'first'));
  });
});
