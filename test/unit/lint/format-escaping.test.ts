// Issue 4 "How it reports": what each format must escape, and the glob syntax lint expands itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandFilePatterns } from '../../../src/cli/expand-file-patterns.js';
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

describe('glob patterns (expanded without a shell, by tinyglobby)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-glob-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A fresh directory holding only `file`: does `glob` name it? */
  async function matches(glob: string, file: string): Promise<boolean> {
    const root = path.join(dir, String(n++));
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'x');
    const { files } = await expandFilePatterns([glob], root);
    return files.includes(path.join(root, file));
  }

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
    ['**/*.yml', 'node_modules/pkg/a.yml', false],
    ['node_modules/**/*.yml', 'node_modules/pkg/a.yml', true],
    ['**/*.yml', '.hidden/a.yml', false],
    ['.hidden/*.yml', '.hidden/a.yml', true],
  ])('%s matches %s: %s', async (glob, file, expected) => {
    expect(await matches(glob, file)).toBe(expected);
  });

  it('a reversed range such as [z-a] is a problem naming the range (exit 2), not a crash', async () => {
    const { files, problems } = await expandFilePatterns(['workflows/[z-a]*.yml'], dir);
    expect(files).toEqual([]);
    expect(problems).toEqual(['"workflows/[z-a]*.yml" can match nothing: the range [z-a] is reversed (write [a-z])']);
  });

  it('a pattern that matches nothing and a directory are problems, a missing file is listed apart; URLs pass through', async () => {
    const root = path.join(dir, 'plain');
    mkdirSync(path.join(root, 'flows'), { recursive: true });
    const { files, problems, missing } = await expandFilePatterns(['none/*.yml', 'missing.yml', 'flows', 'https://example.test/a.yml'], root);
    expect(files).toEqual(['https://example.test/a.yml']);
    expect(problems).toEqual(['no file matches "none/*.yml"', `flows is a directory; pass files or a pattern such as "${path.join('flows', '**', '*.arazzo.yaml')}"`]);
    // Reported by the loader like run and describe do, after the other files are linted (issue 12 item 12).
    expect(missing).toEqual([path.join(root, 'missing.yml')]);
  });

  it('matches come back sorted, absolute and once each', async () => {
    const root = path.join(dir, 'sorted');
    for (const name of ['b.yml', 'a.yml', 'sub/c.yml']) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), 'x');
    }
    const { files } = await expandFilePatterns(['**/*.yml', '*.yml', 'a.yml'], root);
    expect(files).toEqual([path.join(root, 'a.yml'), path.join(root, 'b.yml'), path.join(root, 'sub/c.yml')]);
  });
});
