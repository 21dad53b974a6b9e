/**
 * Issue 6 › "no code is ever executed from a document": no eval, no Function constructor, no vm
 * or child processes, timers never take strings, dynamic imports only name fixed modules, and
 * jsonpath-plus runs only in its "safe" interpreter. A grep over src/ (comments stripped), plus
 * what a hostile criterion gets when it tries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCriterion } from '../../src/criteria/compile-criterion.js';
import { evaluateCriterion } from '../../src/criteria/evaluate-criterion.js';

const SRC = path.resolve(__dirname, '../../src');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Source without comments (block and line comments outside strings, roughly). */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const sources = listFiles(SRC).map((file) => ({ file: path.relative(SRC, file), code: codeOf(file) }));

function offenders(pattern: RegExp): string[] {
  return sources.flatMap(({ file, code }) => [...code.matchAll(pattern)].map((m) => `${file}: ${m[0].trim()}`));
}

describe('Issue 6 › no code is executed from a document (grep over src/)', () => {
  it('reads the source tree', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('no eval(...)', () => {
    expect(offenders(/(^|[^\w.$])eval\s*\(/g)).toEqual([]);
  });

  it('no Function constructor', () => {
    expect(offenders(/(^|[^\w.$])(new\s+)?Function\s*\(/g)).toEqual([]);
  });

  it('no vm, child_process or worker threads', () => {
    expect(offenders(/['"](node:)?(vm|child_process|worker_threads)['"]/g)).toEqual([]);
  });

  it('timers never get a string to evaluate', () => {
    expect(offenders(/\bset(Timeout|Interval|Immediate)\s*\(\s*['"`]/g)).toEqual([]);
  });

  it('dynamic import() names a fixed module only', () => {
    expect(offenders(/\bimport\s*\(\s*[^'"\s)]/g)).toEqual([]);
  });

  it('every JSONPath(...) call of jsonpath-plus passes eval: \'safe\', and nothing asks for native eval', () => {
    const calls = sources.flatMap(({ file, code }) => [...code.matchAll(/\bJSONPath\s*\(\s*\{[^}]*\}/g)].map((m) => ({ file, call: m[0] })));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter(({ call }) => !/eval:\s*'safe'/.test(call))).toEqual([]);
    expect(offenders(/eval:\s*('native'|"native"|true)/g)).toEqual([]);
  });
});

describe('Issue 6 › what a hostile criterion gets', () => {
  const responseScope = (body: unknown) => ({
    inputs: {},
    steps: {},
    workflows: {},
    sourceDescriptions: {},
    response: { statusCode: 200, headers: {}, body },
  });

  it('JavaScript in a simple condition is a syntax problem, not code', () => {
    const { compiled, problems } = compileCriterion({ condition: "process.exit(1) || require('fs')" });
    expect(compiled).toBeUndefined();
    expect(problems.map((p) => p.code).every((code) => /^(condition|criterion|expression)-/.test(code))).toBe(true);
  });

  it.each([
    "$..[?(@.constructor.constructor('return process')().exit(7))]",
    '$[?(@.__proto__.polluted = 1)]',
    '$..[?(this.constructor.constructor("return process")())]',
  ])('a Goessner filter reaching for constructors is refused at compile time: %s', (condition) => {
    const { compiled, problems } = compileCriterion({
      context: '$response.body',
      condition,
      type: { type: 'jsonpath', version: 'draft-goessner-dispatch-jsonpath-00' },
    });
    expect(compiled).toBeUndefined();
    expect(problems.map((p) => p.code)).toContain('criterion-goessner-unsafe');
  });

  const goessner = (condition: string) => {
    const { compiled } = compileCriterion({ context: '$response.body', condition, type: { type: 'jsonpath', version: 'draft-goessner-dispatch-jsonpath-00' } });
    if (!compiled) throw new Error(`${condition} did not compile`);
    return compiled;
  };

  it('a Goessner filter runs in the safe interpreter: plain comparisons work, globals are out of reach', () => {
    expect(evaluateCriterion(goessner('$[?(@.a == 1)]'), responseScope([{ a: 1 }])).passed).toBe(true);
    expect(evaluateCriterion(goessner('$[?(@.a == globalThis.process.pid)]'), responseScope([{ a: process.pid }])).passed).toBe(false);
  });
});
