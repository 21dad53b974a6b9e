// Issue 4 "How it reports": what each format must escape, and the glob syntax lint expands itself.
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../../src/cli/expand-file-patterns.js';
import { escapeData, escapeProperty } from '../../../src/report/lint-formats/format-github.js';
import { escapeXmlAttribute } from '../../../src/report/junit-xml.js';

describe('GitHub workflow commands: data and property escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('JUnit XML escaping', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXmlAttribute(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('glob patterns (expanded without a shell)', () => {
  it.each([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'dir/a.yaml', false],
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'x/y/a.yaml', true],
    ['flows/**', 'flows/a/b.yml', true],
    ['a?.yml', 'ab.yml', true],
    ['a?.yml', 'a/.yml', false],
    ['[ab].yml', 'b.yml', true],
    ['[!ab].yml', 'b.yml', false],
    ['{one,two}.yml', 'two.yml', true],
    ['a+b.yml', 'a+b.yml', true],
    ['a+b.yml', 'aab.yml', false],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globToRegExp(glob).test(file)).toBe(expected);
  });
});
