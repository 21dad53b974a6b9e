// Style lesson 18 "one source of truth per fact": one prototype-safe setOwn, used everywhere a key
// from a document, an input or a server becomes a property.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setOwn } from '../../../src/document/set-own.js';

const SRC = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('setOwn', () => {
  it('"__proto__" becomes an own, enumerable property; the prototype is untouched', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(target, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(target))).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
  });

  it('the property stays writable and replaceable (later sources win)', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, 'constructor', 1);
    setOwn(target, 'constructor', 2);
    Reflect.set(target, 'constructor', 3);
    expect(Object.getOwnPropertyDescriptor(target, 'constructor')?.value).toBe(3);
  });

  it('is the only place in src/ that defines a data property (no second copy)', () => {
    const copies = sourceFiles(SRC)
      .filter((file) => /Object\.defineProperty\([^)]*\{\s*value\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(copies).toEqual([path.join('document', 'set-own.ts')]);
  });
});

describe('setOwn over existing properties', () => {
  it('replaces an own getter with a data property (a lazily resolved field set for real)', () => {
    const target: Record<string, unknown> = {};
    Object.defineProperty(target, 'parameters', { get: () => ['lazy'], enumerable: true, configurable: true });
    setOwn(target, 'parameters', ['set']);
    expect(Object.getOwnPropertyDescriptor(target, 'parameters')).toEqual({ value: ['set'], enumerable: true, writable: true, configurable: true });
  });

  it('a key Object.prototype holds as a data property ("toString", "constructor") becomes own, the prototype unchanged', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, 'toString', 'x');
    setOwn(target, 'hasOwnProperty', 'y');
    expect(Object.keys(target)).toEqual(['toString', 'hasOwnProperty']);
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
    expect(typeof Object.prototype.hasOwnProperty).toBe('function');
  });
});
