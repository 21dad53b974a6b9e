/** RFC 6901 JSON Pointer: parse, format and resolve (used by `body#/…` and `name#/…`). */
import { escapePointerToken, type Problem } from '../diagnostics/diagnostic.js';
import type { Evaluation } from './scope.js';
import { expressionError } from './expression-problems.js';

export type PointerParse = { ok: true; tokens: string[] } | { ok: false; problem: Problem };

/** `''` → whole document; `/a~1b/0` → ['a/b', '0']. Offsets in problems are inside `text`. */
export function parsePointer(text: string): PointerParse {
  if (text === '') return { ok: true, tokens: [] };
  if (!text.startsWith('/')) {
    return {
      ok: false,
      problem: expressionError('expression-invalid-pointer', 'a JSON pointer must start with "/"', 0, {
        hint: 'write #/name/0 (RFC 6901); an empty pointer selects the whole value',
      }),
    };
  }
  const tokens: string[] = [];
  let token = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '/') {
      tokens.push(token);
      token = '';
    } else if (c === '~') {
      const next = text[i + 1];
      if (next !== '0' && next !== '1') return { ok: false, problem: badTilde(i) };
      token += next === '0' ? '~' : '/';
      i++;
    } else {
      token += c;
    }
  }
  tokens.push(token);
  return { ok: true, tokens };
}

const badTilde = (offset: number): Problem =>
  expressionError('expression-invalid-pointer', '"~" in a JSON pointer must be followed by 0 or 1', offset, {
    hint: 'write ~0 for "~" and ~1 for "/"',
  });

export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** Walks own properties only, so `__proto__`/`constructor` can never reach a prototype. */
export function resolvePointer(value: unknown, tokens: readonly string[]): Evaluation {
  let current = value;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const step = stepInto(current, token);
    if (!step.found) return { found: false, reason: `${step.reason} at ${formatPointer(tokens.slice(0, i)) || '/'}` };
    current = step.value;
  }
  return { found: true, value: current };
}

function stepInto(container: unknown, token: string): Evaluation {
  if (Array.isArray(container)) {
    if (!ARRAY_INDEX.test(token)) return { found: false, reason: `"${token}" is not an array index` };
    const index = Number(token);
    if (index >= container.length) return { found: false, reason: `index ${token} is past the end of the array` };
    return { found: true, value: container[index] };
  }
  if (typeof container === 'object' && container !== null) {
    if (!Object.hasOwn(container, token)) return { found: false, reason: `no property "${token}"` };
    return { found: true, value: (container as Record<string, unknown>)[token] };
  }
  return { found: false, reason: `cannot read "${token}" from ${describe(container)}` };
}

const describe = (value: unknown): string => (value === null ? 'null' : `a ${typeof value}`);
